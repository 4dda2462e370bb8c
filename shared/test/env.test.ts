import { getEnvBool, getEnvNum, getEnvStr, isProduction } from '../src/env';

describe('getEnvStr', () => {
  it('returns the trimmed value when set', () => {
    expect(getEnvStr({ NAME: '  value  ' }, 'NAME', 'fallback')).toBe('value');
  });

  it('returns the fallback (or undefined) when unset or blank', () => {
    expect(getEnvStr({}, 'NAME', 'fallback')).toBe('fallback');
    expect(getEnvStr({ NAME: '   ' }, 'NAME', 'fallback')).toBe('fallback');
    expect(getEnvStr({ NAME: '' }, 'NAME')).toBeUndefined();
  });
});

describe('getEnvNum', () => {
  it('returns the fallback when unset or blank', () => {
    expect(getEnvNum({}, 'PORT', 4000)).toBe(4000);
    expect(getEnvNum({ PORT: '  ' }, 'PORT', 4000)).toBe(4000);
  });

  it.each([
    ['8080', 8080],
    [' 42 ', 42],
    ['0', 0],
  ])('parses %j as %d', (raw, expected) => {
    expect(getEnvNum({ PORT: raw }, 'PORT', 4000)).toBe(expected);
  });

  it.each(['-1', '1.5', 'abc', '12abc', 'Infinity'])('rejects %j, naming the variable and the value', (raw) => {
    expect(() => getEnvNum({ PORT: raw }, 'PORT', 4000)).toThrow(`PORT must be a non-negative integer, got "${raw}"`);
  });
});

describe('getEnvBool', () => {
  it('returns the fallback when unset or blank', () => {
    expect(getEnvBool({}, 'FLAG', true)).toBe(true);
    expect(getEnvBool({ FLAG: ' ' }, 'FLAG', false)).toBe(false);
  });

  it.each(['1', 'true', 'TRUE', 'yes', 'On'])('reads %j as true', (raw) => {
    expect(getEnvBool({ FLAG: raw }, 'FLAG', false)).toBe(true);
  });

  it.each(['0', 'false', 'False', 'no', 'OFF'])('reads %j as false', (raw) => {
    expect(getEnvBool({ FLAG: raw }, 'FLAG', true)).toBe(false);
  });

  it.each(['maybe', '2', 'y'])('rejects %j, naming the variable', (raw) => {
    expect(() => getEnvBool({ FLAG: raw }, 'FLAG', true)).toThrow(/FLAG must be true or false/);
  });
});

describe('isProduction', () => {
  it('is true only when NODE_ENV is production', () => {
    expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
    expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
    expect(isProduction({ NODE_ENV: 'test' })).toBe(false);
    expect(isProduction({})).toBe(false);
  });
});

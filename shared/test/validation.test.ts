import { countryCode, optionalEmail, optionalInt, optionalPhone, optionalText, requiredText, slugify } from '../src/validation';
import { graphqlErrorFrom } from './errorAssertions';

function expectInvalid(fn: () => unknown, field: string, message?: RegExp): void {
  const error = graphqlErrorFrom(fn);
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
  if (message) expect(error.message).toMatch(message);
}

describe('requiredText', () => {
  it('returns the trimmed text', () => {
    expect(requiredText('  Aarhus  ', 'name')).toBe('Aarhus');
  });

  it('rejects null and undefined as required, naming the field', () => {
    expectInvalid(() => requiredText(null, 'name'), 'name', /is required/);
    expectInvalid(() => requiredText(undefined, 'name'), 'name', /is required/);
  });

  it('rejects empty and blank text, naming the field', () => {
    expectInvalid(() => requiredText('', 'name'), 'name', /must not be empty/);
    expectInvalid(() => requiredText(' \t ', 'name'), 'name', /must not be empty/);
  });

  it('enforces the maximum length on the trimmed text', () => {
    expect(requiredText(`  ${'a'.repeat(10)}  `, 'name', 10)).toBe('a'.repeat(10));
    expectInvalid(() => requiredText('a'.repeat(11), 'name', 10), 'name', /at most 10 characters/);
    expectInvalid(() => requiredText('a'.repeat(201), 'name'), 'name', /at most 200 characters/);
  });

  it('rejects control characters', () => {
    expectInvalid(() => requiredText('Aar\u0000hus', 'name'), 'name', /control characters/);
    expectInvalid(() => requiredText('Aar\u001bhus', 'name'), 'name', /control characters/);
    expectInvalid(() => requiredText('Aar\u007fhus', 'name'), 'name', /control characters/);
  });
});

describe('optionalText', () => {
  it('leaves undefined as undefined (leave as is)', () => {
    expect(optionalText(undefined, 'notes')).toBeUndefined();
  });

  it('turns null and blank text into null (clear)', () => {
    expect(optionalText(null, 'notes')).toBeNull();
    expect(optionalText('   ', 'notes')).toBeNull();
  });

  it('trims and validates present text like requiredText', () => {
    expect(optionalText(' hello ', 'notes')).toBe('hello');
    expectInvalid(() => optionalText('abcdef', 'notes', 5), 'notes', /at most 5/);
  });
});

describe('optionalInt', () => {
  it('passes null and undefined through', () => {
    expect(optionalInt(undefined, 'population', 0, 10)).toBeUndefined();
    expect(optionalInt(null, 'population', 0, 10)).toBeNull();
  });

  it('accepts whole numbers within the inclusive range', () => {
    expect(optionalInt(0, 'population', 0, 10)).toBe(0);
    expect(optionalInt(10, 'population', 0, 10)).toBe(10);
  });

  it.each([-1, 11, 2.5, Number.NaN])('rejects %d, naming the field and the range', (value) => {
    expectInvalid(() => optionalInt(value, 'population', 0, 10), 'population', /whole number from 0 to 10/);
  });
});

describe('countryCode', () => {
  it('trims and upper-cases an alpha-2 code', () => {
    expect(countryCode(' dk ', 'country')).toBe('DK');
    expect(countryCode('IS', 'country')).toBe('IS');
  });

  it.each(['DNK', 'D', '', '12', 'D K'])('rejects %j, naming the field', (value) => {
    expectInvalid(() => countryCode(value, 'country'), 'country', /alpha-2/);
  });
});

describe('optionalEmail', () => {
  it('accepts and trims an e-mail address', () => {
    expect(optionalEmail(' name@example.org ', 'email')).toBe('name@example.org');
  });

  it('treats undefined as leave-as-is and blank as clear', () => {
    expect(optionalEmail(undefined, 'email')).toBeUndefined();
    expect(optionalEmail('', 'email')).toBeNull();
    expect(optionalEmail(null, 'email')).toBeNull();
  });

  it.each(['name', 'name@example', '@example.org', 'na me@example.org', 'a@b@c.org'])('rejects %j, naming the field', (value) => {
    expectInvalid(() => optionalEmail(value, 'email'), 'email', /e-mail address/);
  });

  it('rejects an address longer than 254 characters', () => {
    expectInvalid(() => optionalEmail(`${'a'.repeat(250)}@example.org`, 'email'), 'email', /at most 254/);
  });
});

describe('optionalPhone', () => {
  it.each(['+45 12 34 56 78', '+46 (0)8-123 45 67', '12345'])('accepts %j', (value) => {
    expect(optionalPhone(value, 'phone')).toBe(value);
  });

  it('treats undefined as leave-as-is and blank as clear', () => {
    expect(optionalPhone(undefined, 'phone')).toBeUndefined();
    expect(optionalPhone('  ', 'phone')).toBeNull();
  });

  it.each(['1234', 'call me', '+', '++4512345', '45-12.34'])('rejects %j, naming the field', (value) => {
    expectInvalid(() => optionalPhone(value, 'phone'), 'phone', /phone number/);
  });

  it('rejects a number longer than 30 characters', () => {
    expectInvalid(() => optionalPhone('1'.repeat(31), 'phone'), 'phone', /at most 30/);
  });
});

describe('slugify', () => {
  it.each([
    ['Bærum', 'baerum'],
    ['Tromsø', 'tromso'],
    ['Malmö', 'malmo'],
    ['Reykjavík', 'reykjavik'],
    ['Åland', 'aland'],
    ['ÆRØ', 'aero'],
    ['Þórshöfn', 'thorshofn'],
    ['Ísafjörður', 'isafjordur'],
    ['Jyväskylä', 'jyvaskyla'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('collapses runs of other characters into single dashes and trims dashes at the ends', () => {
    expect(slugify('  --Hello,  World!-- ')).toBe('hello-world');
    expect(slugify('Nordic Safe Cities 2030')).toBe('nordic-safe-cities-2030');
  });

  it('always yields lower-case ASCII letters, digits and single dashes', () => {
    for (const text of ['Københavns Kommune', 'Göteborgs Stad', 'Hämeenlinna / Tavastehus', 'Oslo (kommune)']) {
      expect(slugify(text)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

import { DEVELOPMENT_JWT_SECRET, loadJwtConfig } from '../src/auth';

const OWN_SECRET = 'a-production-secret-of-our-own-0123456789';

describe('loadJwtConfig', () => {
  it('uses the development secret and the nsc-hub issuer and audience by default outside production', () => {
    expect(loadJwtConfig({})).toEqual({ secret: DEVELOPMENT_JWT_SECRET, issuer: 'nsc-hub', audience: 'nsc-hub' });
  });

  it('refuses to start in production with the development secret left unset', () => {
    expect(() => loadJwtConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set/);
  });

  it('refuses to start in production with the development secret set explicitly', () => {
    expect(() => loadJwtConfig({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/JWT_SECRET must be set/);
  });

  it('accepts a secret of its own in production', () => {
    expect(loadJwtConfig({ NODE_ENV: 'production', JWT_SECRET: OWN_SECRET }).secret).toBe(OWN_SECRET);
  });

  it('rejects a secret shorter than 32 characters, in any environment', () => {
    expect(() => loadJwtConfig({ JWT_SECRET: 'too-short' })).toThrow(/at least 32 characters/);
    expect(() => loadJwtConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/at least 32 characters/);
  });

  it('accepts a secret of exactly 32 characters', () => {
    expect(loadJwtConfig({ JWT_SECRET: 'x'.repeat(32) }).secret).toBe('x'.repeat(32));
  });

  it('reads the secret, issuer and audience from the given env object, trimmed', () => {
    expect(loadJwtConfig({ JWT_SECRET: ` ${OWN_SECRET} `, JWT_ISSUER: 'https://auth.example.org', JWT_AUDIENCE: 'nsc-hub-api' })).toEqual({
      secret: OWN_SECRET,
      issuer: 'https://auth.example.org',
      audience: 'nsc-hub-api',
    });
  });
});

import { GraphQLError } from 'graphql';
import { ERRORS, ERROR_CODES, ErrorCodeDefinition, isCatalogued, type ErrorCode } from '../src/errors';

const entries = Object.entries(ERRORS) as [ErrorCode, ErrorCodeDefinition][];

describe('ERRORS catalogue', () => {
  it.each(entries)('%s.err() yields a GraphQLError whose extensions.code is the key', (key, definition) => {
    expect(definition.code).toBe(key);
    const error = definition.err('something went wrong');
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('something went wrong');
    expect(error.extensions.code).toBe(key);
  });

  it.each(entries)('%s has a description', (_key, definition) => {
    expect(definition.description.trim().length).toBeGreaterThan(0);
  });

  it('keeps extra extensions but never lets them override the code', () => {
    const error = ERRORS.NOT_FOUND.err('City 9 does not exist', { id: '9', code: 'SOMETHING_ELSE' });
    expect(error.extensions).toEqual({ id: '9', code: 'NOT_FOUND' });
  });

  it('adds the HTTP status of a definition that has one', () => {
    expect(ERRORS.QUERY_TOO_COMPLEX.err('too deep').extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', http: { status: 400 } });
    expect(ERRORS.BAD_USER_INPUT.err('bad').extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('lists exactly the catalogue keys in ERROR_CODES', () => {
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(ERRORS).sort());
  });

  it('recognises catalogued codes and nothing else', () => {
    for (const key of Object.keys(ERRORS)) expect(isCatalogued(key)).toBe(true);
    expect(isCatalogued('23505')).toBe(false);
    expect(isCatalogued('bad_user_input')).toBe(false);
    expect(isCatalogued(undefined)).toBe(false);
    expect(isCatalogued(42)).toBe(false);
  });
});

import type { GraphQLFormattedError } from 'graphql';
import { createFormatError } from '../src/server/errorHandling';

const PRODUCTION = { production: true, exposeInternals: false };
const TEST = { production: false, exposeInternals: false };
const DEVELOPMENT = { production: false, exposeInternals: true };

const MASKED = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

const sqlError: GraphQLFormattedError = {
  message: 'relation "cities" does not exist: SELECT * FROM cities WHERE id = $1 (db.internal:5432)',
  locations: [{ line: 1, column: 3 }],
  path: ['cities'],
  extensions: {
    code: 'INTERNAL_SERVER_ERROR',
    stacktrace: ['QueryFailedError: relation "cities" does not exist', '    at PostgresQueryRunner.query (/app/node_modules/typeorm/…)'],
  },
};

describe('createFormatError', () => {
  it('masks an INTERNAL_SERVER_ERROR in production to a fixed message and code only', () => {
    const formatted = createFormatError(PRODUCTION)(sqlError);
    expect(formatted).toEqual(MASKED);
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|cities|5432|stacktrace|QueryFailedError/);
  });

  it('masks an error with an uncatalogued code in production', () => {
    const formatted = createFormatError(PRODUCTION)({
      message: 'duplicate key value violates unique constraint "city_slug_key"',
      extensions: { code: '23505', stacktrace: ['error: duplicate key'] },
    });
    expect(formatted).toEqual(MASKED);
  });

  it('masks an error without any code in production', () => {
    expect(createFormatError(PRODUCTION)({ message: 'connect ECONNREFUSED 10.0.0.5:5432' })).toEqual(MASKED);
  });

  it('masks internal errors under NODE_ENV=test as well', () => {
    expect(createFormatError(TEST)(sqlError)).toEqual(MASKED);
  });

  it('keeps a catalogued error\'s message, location, path and own extensions but drops stacktrace and exception', () => {
    const formatted = createFormatError(PRODUCTION)({
      message: 'name: must not be empty',
      locations: [{ line: 2, column: 5 }],
      path: ['updateCity'],
      extensions: { code: 'BAD_USER_INPUT', field: 'name', stacktrace: ['GraphQLError: name: must not be empty'], exception: { stacktrace: ['…'] } },
    });
    expect(formatted).toEqual({
      message: 'name: must not be empty',
      locations: [{ line: 2, column: 5 }],
      path: ['updateCity'],
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });

  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'])('keeps the message of a catalogued %s error', (code) => {
    const formatted = createFormatError(PRODUCTION)({ message: `a ${code} message`, extensions: { code, stacktrace: ['x'] } });
    expect(formatted).toEqual({ message: `a ${code} message`, extensions: { code } });
  });

  it('returns the error unchanged, stacktrace included, when internals are exposed', () => {
    expect(createFormatError(DEVELOPMENT)(sqlError)).toBe(sqlError);
    expect(sqlError.extensions?.stacktrace).toBeDefined();
  });
});

describe('createFormatError for a service with a database', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
  const formattedRefusal: GraphQLFormattedError = {
    message: 'connect ECONNREFUSED 10.0.0.5:5432',
    locations: [{ line: 1, column: 3 }],
    path: ['cities'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: connect ECONNREFUSED 10.0.0.5:5432'] },
  };

  it.each([
    ['production', PRODUCTION],
    ['development', DEVELOPMENT],
  ])('turns a database connection failure into SERVICE_UNAVAILABLE in %s, naming no host or port', (_name, mode) => {
    const formatted = createFormatError(mode, { databaseOutages: true })(formattedRefusal, refused);
    expect(formatted).toEqual({ message: expect.any(String), locations: [{ line: 1, column: 3 }], path: ['cities'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(JSON.stringify(formatted)).not.toMatch(/10\.0\.0\.5|5432|ECONNREFUSED|stacktrace/);
  });

  it('leaves other internal errors masked as before', () => {
    expect(createFormatError(PRODUCTION, { databaseOutages: true })(sqlError, new Error('relation "cities" does not exist'))).toEqual(MASKED);
  });

  it('does not classify connection errors where there is no database (the gateway)', () => {
    expect(createFormatError(PRODUCTION)(formattedRefusal, refused)).toEqual(MASKED);
  });
});

import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailableError, isDatabaseUnavailable } from '../src/db/isDatabaseUnavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a broken pipe', withCode('EPIPE')],
    ['an unknown host', withCode('ENOTFOUND')],
    ['SQLSTATE 08006 connection failure', withCode('08006')],
    ['SQLSTATE 08001 cannot connect', withCode('08001')],
    ['57P01 admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', withCode('57P02')],
    ['57P03 cannot connect now', withCode('57P03', 'the database system is starting up')],
    ['a connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['a connection terminated by its timeout', new Error('Connection terminated due to connection timeout')],
    ['a client used after its connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['the pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks through the wrappers an error reaches the server in', () => {
    const refused = withCode('ECONNREFUSED');
    const typeorm = new QueryFailedError('SELECT 1', [], refused);
    expect(isDatabaseUnavailable(typeorm)).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('x', { originalError: typeorm }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    // graphql-js wraps what it does not recognise as an Error (e.g. one from another realm).
    expect(isDatabaseUnavailable({ name: 'NonErrorThrown', thrownValue: { code: 'ECONNREFUSED' } })).toBe(true);
    expect(isDatabaseUnavailable(databaseUnavailableError(refused))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a statement cancelled by statement_timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['a wrong password', withCode('28P01')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a catalogued error', new GraphQLError('bad', { extensions: { code: 'BAD_USER_INPUT' } })],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('databaseUnavailableError', () => {
  it('is SERVICE_UNAVAILABLE without host, port or driver message, keeping the cause for the log', () => {
    const cause = withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432');
    const error = databaseUnavailableError(cause);
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(error.message).not.toMatch(/10\.0\.0\.5|5432|ECONNREFUSED/);
    expect(error.originalError).toBe(cause);
  });
});

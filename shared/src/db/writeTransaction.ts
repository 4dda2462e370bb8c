import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { ERRORS } from '../errors';
import { databaseUnavailableError, isDatabaseUnavailable } from './isDatabaseUnavailable';

const UNIQUE_VIOLATION = '23505';

/**
 * Runs a mutation's work in one transaction: all of it is written, or none. A write that loses a
 * race to an identical one (a unique constraint the pre-checks could not see yet) is a CONFLICT
 * for the client, not an internal error; one the database dropped is SERVICE_UNAVAILABLE (the
 * server rolls back a transaction whose connection is gone, so the client may retry).
 */
export async function writeTransaction<T>(db: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION) {
      throw ERRORS.CONFLICT.err('The record was created by another request at the same time; reload and try again');
    }
    if (isDatabaseUnavailable(error)) {
      throw databaseUnavailableError(error, 'The database is temporarily unavailable, so nothing was written; try again shortly');
    }
    throw error;
  }
}

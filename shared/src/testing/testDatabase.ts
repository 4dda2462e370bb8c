import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const ADMIN_URL_ENV = 'NSC_HUB_TEST_ADMIN_URL';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run the tests through jest (its globalSetup starts PostgreSQL)`);
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file, so files can run in parallel without seeing each other. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `nsc_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

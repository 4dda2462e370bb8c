// A lookup by an id that is undefined (or null) never reaches the database: left to itself TypeORM
// drops such a condition, so `findOneBy({ id: undefined })` would return the first row and
// `delete({ id: undefined })` would be refused only by luck. Every subgraph's data source is built
// to throw instead, for every entity, every finder and every write by criteria.
import type { EntityMetadata, Repository, ObjectLiteral } from 'typeorm';
import { startSubgraph, type RunningSubgraph } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { schemaState } from '../helpers/schemaState';

const running: RunningSubgraph[] = [];
beforeAll(async () => {
  for (const module of SUBGRAPHS) running.push(await startSubgraph(module));
});
afterAll(() => Promise.all(running.map((s) => s.stop())));

type Lookup = (repo: Repository<ObjectLiteral>, where: ObjectLiteral) => Promise<unknown>;

const LOOKUPS: Record<string, Lookup> = {
  findOneBy: (repo, where) => repo.findOneBy(where),
  findOne: (repo, where) => repo.findOne({ where }),
  'findOne with a lock': (repo, where) => repo.manager.transaction((m) => m.getRepository(repo.target).findOne({ where, lock: { mode: 'pessimistic_write' } })),
  findOneByOrFail: (repo, where) => repo.findOneByOrFail(where),
  findBy: (repo, where) => repo.findBy(where),
  existsBy: (repo, where) => repo.existsBy(where),
  countBy: (repo, where) => repo.countBy(where),
  update: (repo, where) => repo.update(where, {}),
  delete: (repo, where) => repo.delete(where),
};

/** Every entity of every subgraph, by its primary key columns. */
function entities(): [string, RunningSubgraph, EntityMetadata][] {
  return running.flatMap((s) => s.dataSource.entityMetadatas.map((m) => [`${s.name} ${m.name}`, s, m] as [string, RunningSubgraph, EntityMetadata]));
}

test('every subgraph has entities to check', () => {
  expect(running.map((s) => s.name)).toEqual(SUBGRAPHS.map((m) => m.name));
  for (const subgraph of running) expect(subgraph.dataSource.entityMetadatas.length).toBeGreaterThan(0);
});

describe.each(Object.keys(LOOKUPS))('%s', (lookup) => {
  test.each([undefined, null])('with a key of %s throws before any SQL, for every entity', async (value) => {
    const checked: string[] = [];
    for (const [label, subgraph, metadata] of entities()) {
      const repo = subgraph.dataSource.getRepository(metadata.target);
      const key = metadata.primaryColumns[0].propertyName;
      const before = await schemaState(subgraph.dataSource, metadata.schema ?? subgraph.name);
      const statements = subgraph.queries.statements;
      await expect(LOOKUPS[lookup](repo, { [key]: value })).rejects.toThrow(value === undefined ? /Undefined value/ : /Null value/);
      // A transaction's BEGIN and ROLLBACK are all that may have been sent.
      expect(subgraph.queries.statements - statements).toBeLessThanOrEqual(lookup === 'findOne with a lock' ? 2 : 0);
      expect(await schemaState(subgraph.dataSource, metadata.schema ?? subgraph.name)).toEqual(before);
      checked.push(label);
    }
    expect(checked.length).toBeGreaterThanOrEqual(running.length);
  });
});

test('a real id still finds its row', async () => {
  const membership = running.find((s) => s.name === 'membership')!;
  const city = membership.dataSource.entityMetadatas.find((m) => m.tableName === 'cities')!;
  const found = await membership.dataSource.getRepository(city.target).findOneBy({ id: 'dk-copenhagen' });
  expect(found).toMatchObject({ id: 'dk-copenhagen', name: 'Copenhagen' });
});

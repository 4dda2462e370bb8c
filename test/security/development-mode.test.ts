// In development (NODE_ENV unset) the conveniences stay on: introspection, the landing page,
// the standard introspection query of GraphQL tools, field suggestions and type names in validation errors. And the gateway speaks GraphQL over
// HTTP as the spec says: the graphql-http audit suite finds no MUST failure. (Its audits ask
// `__type(name:)`, which production refuses, so it runs here.)
import { getIntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { errorCodes } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from '../helpers/startHub';

const DEVELOPMENT = { production: false, exposeInternals: true };

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ mode: DEVELOPMENT });
});
afterAll(() => hub?.stop());

test('introspection is on', async () => {
  const res = await hub.query('{ __type(name: "City") { fields { name } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data?.__type.fields.map((f: { name: string }) => f.name)).toContain('memberships');
});

// Tools (GraphiQL, GraphQL Code Generator, IDE plugins) ask the standard introspection query: its
// size is bounded by the schema, not by data, so list sizes must not price it out of MAX_COST.
test('the standard introspection query of GraphQL tools gets through the request limits', async () => {
  const res = await hub.query(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true }));
  expect(res.errors).toBeUndefined();
  expect(res.data?.__schema.types.length).toBeGreaterThan(50);
});

test('a browser gets the landing page', async () => {
  const res = await fetch(hub.url, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/<html/i);
});

test('validation errors name types and suggest fields', async () => {
  const res = await hub.query('{ citys { id } }');
  expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(res.errors?.[0].message).toBe('Cannot query field "citys" on type "Query". Did you mean "city" or "cities"?');
});

const audits = serverAudits({ url: () => hub.url, fetchFn: fetch });

test('the audit suite has MUST audits to run', () => {
  expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(10);
});

test.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))('graphql-http: %s', async (_name, audit) => {
  const result = await audit.fn();
  expect(result.status === 'error' ? result.reason : 'ok').toBe('ok');
});

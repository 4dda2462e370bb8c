// With any one subgraph down, a query touching all of them still answers HTTP 200 with everything
// the others know: only the fields the down subgraph alone resolves are null, each with a
// SUBGRAPH_UNAVAILABLE error naming that subgraph and carrying the field's path. Which fields those
// are is read from the committed supergraph, and every registered subgraph takes its turn.
import { getNamedType, isObjectType, Kind, parse, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { auditLogFieldName } from '@nsc-hub/shared';
import { tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { hubSamplesOf } from '../helpers/hubSamples';
import { startHub, type RunningHub } from '../helpers/startHub';
import { supergraphJoins } from '@nsc-hub/gateway';

/** A city across subgraphs, then every subgraph's own sample query and audit log, so each has fields here. */
const QUERY = `{
  city(id: "dk-copenhagen") {
    name
    memberships { network { name } status }
    resources(first: 3) { totalCount edges { node { title } } }
    participations { role event { title } }
    events(first: 3) { totalCount }
  }
  topics { id name }
  ${SUBGRAPHS.map((s) => hubSamplesOf(s).query.trim().replace(/^\{|\}$/g, '')).join('\n  ')}
  auditLog { ${SUBGRAPHS.map((s) => `${auditLogFieldName(s.name)}(first: 1) { totalCount }`).join(' ')} }
}`;

const joins = supergraphJoins();
type Path = (string | number)[];

/** The full answer with every field only `down` resolves set to null, and the paths of those fields. */
function withoutSubgraph(down: string, full: unknown): { expected: unknown; nulled: Path[] } {
  const nulled: Path[] = [];
  const walk = (set: SelectionSetNode, type: GraphQLObjectType, value: unknown, path: Path): unknown => {
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) return value.map((item, i) => walk(set, type, item, [...path, i]));
    const object = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) throw new Error('the query uses fields only');
      const key = selection.alias?.value ?? selection.name.value;
      const field = type.getFields()[selection.name.value];
      const graphs = joins.fieldGraphs(type, field);
      if ([...graphs].every((g) => g === down)) {
        out[key] = null;
        nulled.push([...path, key]);
        continue;
      }
      const target = getNamedType(field.type);
      out[key] = selection.selectionSet && isObjectType(target) ? walk(selection.selectionSet, target, object[key], [...path, key]) : object[key];
    }
    return out;
  };
  const operation = parse(QUERY).definitions[0];
  if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('one operation');
  const expected = walk(operation.selectionSet, joins.schema.getQueryType()!, full, []);
  return { expected, nulled };
}

const sortedPaths = (paths: Path[]) => paths.map((p) => p.join('.')).sort();

describe.each(SUBGRAPHS.map((s) => s.name))('with %s down', (down) => {
  let hub: RunningHub;
  let admin: string;
  let full: GraphQLResponse;

  beforeAll(async () => {
    hub = await startHub();
    admin = await tokenFor('admin');
    full = await hub.query(QUERY, {}, admin);
    await hub.subgraphs[down].stop();
  });
  afterAll(() => hub?.stop());

  test(`a query touching every subgraph returns the others' data; only the fields ${down} alone resolves are null, each with an error naming ${down} and its path`, async () => {
    // The whole answer first, so a field that is null anyway cannot pass for one the outage nulled.
    expect(full.errors).toBeUndefined();
    const { expected, nulled } = withoutSubgraph(down, full.data);
    expect(nulled.length).toBeGreaterThan(0);
    for (const path of nulled) expect(path.reduce<any>((v, k) => v?.[k], full.data)).not.toBeNull();

    const res = await hub.query(QUERY, {}, admin);
    expect(res.status).toBe(200);
    expect(res.data).toEqual(expected);
    for (const error of res.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: down });
      expect(error.message).toMatch(new RegExp(`\\b${down}\\b`));
      expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
    }
    expect(sortedPaths((res.errors ?? []).map((e) => e.path ?? []))).toEqual(sortedPaths(nulled));
  });
});

// SUBGRAPH_EXECUTOR=compare runs each query compiled and by graphql-js and refuses an answer where
// the two differ. Here on a small schema with graphql-jit's one documented difference (a promise
// left in a property that has no resolver is not awaited), so the refusal is seen to happen, and
// with what a subgraph relies on (a lazy totalCount, a catalogued error, a mutation) to pass.
import { buildSchema, GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { captureLog } from '../src/testing';
import { comparedExecution, FRESH_CONTEXT } from '../src/server/comparedExecution';
import { compiledExecution, graphqlJsExecution, type Execution } from '../src/server/compiledExecution';
import { resolveTotalCounts } from '../src/pagination';
import { ERRORS } from '../src/errors';
import { DateScalar } from '../src/scalars';

interface Context {
  readonly built: number;
  readonly writes: string[];
}

function citySchema(): GraphQLSchema {
  const schema = resolveTotalCounts(
    buildSchema(`
      type Query { city: City, late: City, cities: CityConnection!, refused: City, broken: City }
      type Mutation { renameCity(name: String!): City }
      type City { name: String, population: Int }
      type CityConnection { totalCount: Int!, edges: [CityEdge!]! }
      type CityEdge { node: City! }
    `),
  );
  const query = schema.getQueryType()!.getFields();
  query.city.resolve = () => ({ name: 'Oslo', population: 717_710 });
  // A promise in a property with no resolver of its own: graphql-js awaits it, graphql-jit does not.
  query.late.resolve = () => ({ name: Promise.resolve('Bergen'), population: 291_940 });
  // A connection whose count is a thunk, as `toConnection` makes them: called only when asked for.
  query.cities.resolve = () => ({ edges: [{ node: { name: 'Oslo' } }, { node: { name: 'Bergen' } }], totalCount: async () => 2 });
  query.refused.resolve = () => {
    throw ERRORS.FORBIDDEN.err('Not for you');
  };
  query.broken.resolve = () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  };
  schema.getMutationType()!.getFields().renameCity.resolve = (_root, { name }: { name: string }, context: Context) => {
    context.writes.push(name);
    return { name };
  };
  return schema;
}

const schema = citySchema();
const writes: string[] = [];
let builds = 0;
/** A request's context, able to build a fresh one for the reference run as the subgraph server's is. */
function contextValue(): Context & { [FRESH_CONTEXT]: () => Promise<Context> } {
  const build = async (): Promise<Context> => ({ built: ++builds, writes });
  return { built: ++builds, writes, [FRESH_CONTEXT]: build };
}

async function run(execution: Execution, query: string): Promise<ExecutionResult> {
  return execution({ schema, document: parse(query), contextValue: contextValue() });
}

test('where graphql-jit answers otherwise than graphql-js, compare mode refuses the answer and logs both', async () => {
  const query = '{ late { name population } }';
  // The difference is real: compiled alone answers something graphql-js would not.
  const compiled = await run(compiledExecution(schema), query);
  const reference = await run(graphqlJsExecution, query);
  expect(reference).toEqual({ data: { late: { name: 'Bergen', population: 291_940 } } });
  expect(compiled).not.toEqual(reference);

  const { log, lines } = captureLog('error');
  const compared = await run(comparedExecution({ answer: compiledExecution(schema), reference: graphqlJsExecution, log }), query);
  expect(compared.data).toBeUndefined();
  expect(compared.errors?.map((e) => e.extensions?.code)).toEqual([ERRORS.INTERNAL_SERVER_ERROR.code]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ msg: 'the executors answered differently', query: expect.stringContaining('late'), reference: { data: reference.data } });
});

test('where both answer alike, compare mode answers as graphql-js does: data, a lazy totalCount, a catalogued error', async () => {
  const { log, lines } = captureLog('error');
  const compare = comparedExecution({ answer: compiledExecution(schema), reference: graphqlJsExecution, log });
  for (const query of ['{ city { name population } }', '{ cities { totalCount edges { node { name } } } }', '{ city { name } refused { name } }']) {
    const reference = await run(graphqlJsExecution, query);
    const compared = await run(compare, query);
    // Field order counts; where the executor puts `errors` in the result object does not (Apollo Server writes the body).
    expect(JSON.stringify({ data: compared.data, errors: compared.errors })).toBe(JSON.stringify({ data: reference.data, errors: reference.errors }));
  }
  expect(await run(compare, '{ cities { totalCount } }')).toEqual({ data: { cities: { totalCount: 2 } } });
  expect((await run(compare, '{ refused { name } }')).errors?.map((e) => [e.extensions?.code, e.path])).toEqual([[ERRORS.FORBIDDEN.code, ['refused']]]);
  expect(lines).toEqual([]);
});

test('an unexpected failure comes out as graphql-js words it, with the extensions object Apollo Server reads', async () => {
  const compiled = await run(compiledExecution(schema), '{ city { name } broken { name } }');
  const reference = await run(graphqlJsExecution, '{ city { name } broken { name } }');
  expect(compiled.errors).toHaveLength(1);
  const [error] = compiled.errors!;
  expect(error).toBeInstanceOf(GraphQLError);
  expect(error.extensions).toEqual({});
  expect(error.originalError?.message).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  expect(error.toJSON()).toEqual(reference.errors![0].toJSON());
  expect(compiled.data).toEqual(reference.data);
});

test('what graphql-jit cannot compile, graphql-js runs, answering as it always does', async () => {
  // graphql-jit coerces argument literals when it compiles, and refuses to compile a document with
  // an impossible date; graphql-js answers the other fields and a field error. (Validation would
  // have refused it before execution; here execution is asked directly.)
  const days = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { on: { type: GraphQLString, args: { date: { type: DateScalar } }, resolve: (_root, { date }: { date: string }) => date } },
    }),
  });
  const document = parse('{ leap: on(date: "2024-02-29") impossible: on(date: "2021-02-30") }');
  const compiled = await compiledExecution(days)({ schema: days, document });
  const reference = await graphqlJsExecution({ schema: days, document });
  expect(reference.data).toEqual({ leap: '2024-02-29', impossible: null });
  expect(reference.errors).toHaveLength(1);
  expect(JSON.stringify({ data: compiled.data, errors: compiled.errors })).toBe(JSON.stringify({ data: reference.data, errors: reference.errors }));
});

test('the reference run gets a context of its own, and a mutation runs once', async () => {
  const { log } = captureLog('error');
  const compare = comparedExecution({ answer: compiledExecution(schema), reference: graphqlJsExecution, log });
  const buildsBefore = builds;
  await run(compare, '{ city { name } }');
  // The request's own context and a fresh one for graphql-js.
  expect(builds - buildsBefore).toBe(2);

  writes.length = 0;
  const renamed = await run(compare, 'mutation { renameCity(name: "Kristiania") { name } }');
  expect(renamed).toEqual({ data: { renameCity: { name: 'Kristiania' } } });
  expect(writes).toEqual(['Kristiania']);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { freePort } from '@nsc-hub/shared/src/testing';
import { readFileSync } from 'node:fs';
import { AuthenticatedDataSource } from '../src/AuthenticatedDataSource';
import { DEFAULT_SUPERGRAPH_PATH } from '../src/config';
import { SubgraphUnavailable } from '../src/SubgraphUnavailable';
import { CircuitBreaker } from '../src/CircuitBreaker';
import type { GatewayContext } from '../src/GatewayContext';
import { createSubgraphFetcher, type SubgraphFetcher } from '../src/subgraphFetcher';
import { SubgraphChanges } from '../src/SubgraphChanges';

/** A stand-in subgraph: answers every request with `answer`, or never (frozen), and counts them. */
async function standIn(answer: ((body: { query: string }) => unknown) | 'never') {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { query: string };
      received.push(parsed.query);
      if (answer === 'never') return;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(parsed)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The fetcher, but its first `refusals` calls go to a port where nothing listens. */
async function refusingFirst(http: SubgraphFetcher, refusals: number): Promise<SubgraphFetcher & { calls: () => number }> {
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  let calls = 0;
  return {
    ...http,
    fetcher: (url, init) => (calls++ < refusals ? http.fetcher(closed, init) : http.fetcher(url, init)),
    calls: () => calls,
  };
}

const options = (query: string) =>
  ({
    kind: 'incoming operation',
    request: { query },
    context: {},
    incomingRequestContext: {},
  }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

const unavailable = new SubgraphUnavailable(readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'));

/** The first error of the answer the data source gave (a subgraph that failed is an answer with errors, not a throw). */
const firstError = async (answer: ReturnType<AuthenticatedDataSource['process']>) => (await answer).errors?.[0];

const TIMEOUTS = { queryMs: 300, mutationMs: 600 };
let fetcher: SubgraphFetcher;
beforeEach(() => {
  fetcher = createSubgraphFetcher(1000);
});
afterEach(() => fetcher.close());

const breaker = (failures = 5) => new CircuitBreaker({ failures, cooldownMs: 60_000 });

describe('a refused connection', () => {
  test('a query is sent again once, and succeeds when the subgraph answers the second time', async () => {
    const subgraph = await standIn(() => ({ data: { topics: [] } }));
    try {
      const http = await refusingFirst(fetcher, 1);
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, http, breaker(), unavailable);
      const response = await source.process(options('{topics{id}}'));
      expect(response.data).toEqual({ topics: [] });
      expect(http.calls()).toBe(2);
      expect(subgraph.received).toEqual(['{topics{id}}']);
    } finally {
      await subgraph.close();
    }
  });

  test('a query refused twice is SUBGRAPH_UNAVAILABLE after one retry, never more', async () => {
    const subgraph = await standIn(() => ({ data: { topics: [] } }));
    try {
      const http = await refusingFirst(fetcher, 2);
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, http, breaker(), unavailable);
      expect(await firstError(source.process(options('{topics{id}}')))).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
      expect(http.calls()).toBe(2);
    } finally {
      await subgraph.close();
    }
  });

  test('a mutation is never sent again', async () => {
    const subgraph = await standIn(() => ({ data: { archiveResource: { archived: true } } }));
    try {
      const http = await refusingFirst(fetcher, 1);
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, http, breaker(), unavailable);
      const error = await firstError(source.process(options('mutation{archiveResource(id:"x"){archived}}')));
      expect(error).toMatchObject({ message: 'The knowledge subgraph is unavailable; try again shortly', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'knowledge' } });
      expect(http.calls()).toBe(1);
      expect(subgraph.received).toEqual([]);
    } finally {
      await subgraph.close();
    }
  });
});

describe('the breaker', () => {
  test('a subgraph that does not answer opens it, and then fails fast without being asked', async () => {
    const subgraph = await standIn('never');
    try {
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, breaker(2), unavailable);
      for (let i = 0; i < 2; i++) {
        expect(await firstError(source.process(options('{topics{id}}')))).toMatchObject({ message: 'The knowledge subgraph did not answer within 300 ms; try again shortly' });
      }
      const started = performance.now();
      const error = await firstError(source.process(options('{topics{id}}')));
      expect(performance.now() - started).toBeLessThan(100);
      expect(error).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'knowledge' } });
      expect(error?.message).toMatch(/knowledge subgraph is failing; failing fast/);
      expect(subgraph.received).toHaveLength(2);
    } finally {
      await subgraph.close();
    }
  });

  test('a mutation waits its own, longer timeout', async () => {
    const subgraph = await standIn('never');
    try {
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, breaker(), unavailable);
      expect(await firstError(source.process(options('mutation{archiveResource(id:"x"){archived}}')))).toMatchObject({
        message: 'The knowledge subgraph did not answer within 600 ms; try again shortly',
      });
    } finally {
      await subgraph.close();
    }
  });

  test('catalogued errors from a subgraph that answered do not open it', async () => {
    const subgraph = await standIn(() => ({ errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }], data: null }));
    const failing = await standIn('never');
    try {
      const shared = breaker(2);
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, shared, unavailable);
      const frozen = new AuthenticatedDataSource('knowledge', failing.url, 'secret', TIMEOUTS, fetcher, shared, unavailable);
      // One failure, then answers (with errors), then one failure again: never two in a row.
      expect((await firstError(frozen.process(options('{topics{id}}'))))?.message).toMatch(/did not answer/);
      for (let i = 0; i < 3; i++) expect((await source.process(options('{topics{id}}'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await firstError(frozen.process(options('{topics{id}}'))))?.message).toMatch(/did not answer/);
      expect(shared.state).toBe('closed');
    } finally {
      await subgraph.close();
      await failing.close();
    }
  });
});

describe('what a write changed, for the response cache', () => {
  const withChanges = (query: string, changes: SubgraphChanges) => ({ ...options(query), context: { changes } }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

  test("the changes a subgraph's answer reports are noted with its name, and never passed on", async () => {
    const subgraph = await standIn(() => ({
      data: { archiveResource: { archived: true } },
      extensions: { changedEntities: [{ typename: 'Resource', id: 'r1', operation: 'UPDATE' }, { typename: 42 }] },
    }));
    try {
      const changes = new SubgraphChanges();
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, breaker(), unavailable);
      await source.process(withChanges('mutation{archiveResource(id:"r1"){archived}}', changes));
      expect(changes.reported).toEqual([{ subgraph: 'knowledge', change: { typename: 'Resource', id: 'r1', operation: 'UPDATE' } }]);
      expect(changes.unanswered.size).toBe(0);
    } finally {
      await subgraph.close();
    }
  });

  test('a mutation cut off by its timeout may have written: the subgraph is noted as unanswered', async () => {
    const subgraph = await standIn('never');
    try {
      const changes = new SubgraphChanges();
      const source = new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, breaker(), unavailable);
      expect((await firstError(source.process(withChanges('mutation{archiveResource(id:"r1"){archived}}', changes))))?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect([...changes.unanswered]).toEqual(['knowledge']);
      // A query cut off wrote nothing.
      const reads = new SubgraphChanges();
      await source.process(withChanges('{topics{id}}', reads));
      expect(reads.any).toBe(false);
    } finally {
      await subgraph.close();
    }
  });

  test('a mutation refused before it was sent, or answered with an error, wrote nothing unknown', async () => {
    const subgraph = await standIn(() => ({ errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }], data: null }));
    try {
      const changes = new SubgraphChanges();
      const refusing = await refusingFirst(fetcher, 1);
      await new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, refusing, breaker(), unavailable).process(withChanges('mutation{archiveResource(id:"r1"){archived}}', changes));
      await new AuthenticatedDataSource('knowledge', subgraph.url, 'secret', TIMEOUTS, fetcher, breaker(), unavailable).process(withChanges('mutation{archiveResource(id:"r1"){archived}}', changes));
      expect(changes.any).toBe(false);
    } finally {
      await subgraph.close();
    }
  });
});

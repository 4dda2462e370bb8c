import autocannon from 'autocannon';

export interface Figures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Mean latency in ms, to two decimals (autocannon's percentiles are whole milliseconds). */
  mean: number;
  errors: number;
  /** How long it was measured. */
  seconds: number;
}

/** How long a slow shape is measured at most, all windows together. */
const MAX_SECONDS = 30;

export interface LoadOptions {
  connections: number;
  /** Seconds measured, after `warmupSeconds` not measured. */
  seconds: number;
  warmupSeconds: number;
}

/**
 * Closed-loop HTTP load with autocannon: `connections` clients each send the next request as soon
 * as the last is answered. `body()` makes every request's body (fresh variables each time). A
 * non-2xx answer, a socket error, a timeout or a GraphQL `errors` entry counts as an error.
 */
export async function httpLoad(url: string, headers: Record<string, string>, body: () => string, options: LoadOptions): Promise<Figures> {
  const run = async (seconds: number) => {
    let graphqlErrors = 0;
    const result = await autocannon({
      url,
      connections: options.connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          setupRequest: (request) => ({ ...request, body: body() }),
          onResponse: (status, responseBody) => {
            if (status === 200 && responseBody.includes('"errors"')) graphqlErrors += 1;
          },
        },
      ],
    });
    return { result, graphqlErrors };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  // A shape slower than the window would finish nothing (autocannon counts only answers within
  // it): measure on, each window twice as long, until every connection has had an answer. Rate and
  // errors are over all windows, latencies from the last (the longest).
  let seconds = options.seconds;
  let { result, graphqlErrors } = await run(seconds);
  let requests = result.requests.total;
  let elapsed = seconds;
  let errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  while (requests < options.connections && elapsed < MAX_SECONDS) {
    seconds *= 2;
    ({ result, graphqlErrors } = await run(seconds));
    requests += result.requests.total;
    elapsed += seconds;
    errors += result.errors + result.timeouts + result.non2xx + graphqlErrors;
  }
  return {
    requests,
    rps: requests / elapsed,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    errors,
    seconds: elapsed,
  };
}

/**
 * The same closed loop for work that is not one HTTP request (a replay of several subgraph
 * requests, or of SQL statements): `connections` loops run `once(i)` back to back for the
 * duration; latencies are those of whole calls.
 */
export async function loopLoad(once: (i: number) => Promise<void>, options: LoadOptions): Promise<Figures> {
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          try {
            await once(next++);
            latencies.push(performance.now() - started);
          } catch {
            errors += 1;
          }
        }
      }),
    );
    return { latencies, errors };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const { latencies, errors } = await run(options.seconds);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN);
  const mean = latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : NaN;
  return { requests: latencies.length, rps: latencies.length / options.seconds, p50: round(at(0.5)), p99: round(at(0.99)), mean: round(mean), errors, seconds: options.seconds };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

import { captureLog } from '../src/testing/captureLog';
import { DatabaseOutage } from '../src/db/DatabaseOutage';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function outageAt(clock: { now: number }) {
  const { log, lines } = captureLog();
  return { outage: new DatabaseOutage(log, () => clock.now), lines };
}

describe('DatabaseOutage', () => {
  it('logs the first failure once, without a stack, and only counts the rest', () => {
    const clock = { now: 1000 };
    const { outage, lines } = outageAt(clock);
    const first = captureLog();
    outage.failed(refused, { object: {}, log: first.log.child({ requestId: 'r1' }) });
    for (let i = 0; i < 99; i++) outage.failed(refused, { object: {}, log: first.log });
    expect(outage.down).toBe(true);
    expect(lines).toEqual([]);
    // The first line goes to the first failed request's logger, with its request id.
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toMatchObject({ msg: 'database unreachable', level: 50, requestId: 'r1', reason: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432' });
    expect(first.lines[0]).not.toHaveProperty('err');
  });

  it('logs the recovery once with the failed requests and the duration, then starts afresh', () => {
    const clock = { now: 1000 };
    const { outage, lines } = outageAt(clock);
    outage.failed(refused);
    const request = {};
    clock.now = 1500;
    // Several fields of one request failing count as one failed request.
    outage.failed(refused, { object: request, log: captureLog().log });
    outage.failed(refused, { object: request, log: captureLog().log });
    outage.failed(refused, { object: {}, log: captureLog().log });
    clock.now = 4000;
    outage.reachable();
    outage.reachable();
    expect(outage.down).toBe(false);
    expect(lines.map((l) => l.msg)).toEqual(['database unreachable', 'database reachable again']);
    expect(lines[1]).toMatchObject({ level: 30, failedRequests: 2, durationMs: 3000 });

    outage.failed(refused);
    expect(lines.map((l) => l.msg)).toEqual(['database unreachable', 'database reachable again', 'database unreachable']);
  });

  it('logs nothing when the database answers and was never down', () => {
    const { outage, lines } = outageAt({ now: 0 });
    outage.reachable();
    expect(lines).toEqual([]);
    expect(outage.down).toBe(false);
  });
});

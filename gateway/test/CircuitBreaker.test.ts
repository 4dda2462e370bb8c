import { CircuitBreaker, type BreakerPermit } from '../src/CircuitBreaker';

function breakerWithClock(failures = 3, cooldownMs = 2000) {
  let now = 1_000_000;
  const breaker = new CircuitBreaker({ failures, cooldownMs, now: () => now });
  return { breaker, advance: (ms: number) => (now += ms) };
}

/** Sends `count` requests that all fail, as a subgraph that does not answer. */
function failTimes(breaker: CircuitBreaker, count: number) {
  for (let i = 0; i < count; i++) breaker.failed(breaker.tryAcquire()!);
}

test('stays closed below the threshold of consecutive failures', () => {
  const { breaker } = breakerWithClock(3);
  failTimes(breaker, 2);
  expect(breaker.state).toBe('closed');
  expect(breaker.tryAcquire()).toEqual({ probe: false });
});

test('a success in between starts the count again', () => {
  const { breaker } = breakerWithClock(3);
  failTimes(breaker, 2);
  breaker.succeeded(breaker.tryAcquire()!);
  failTimes(breaker, 2);
  expect(breaker.state).toBe('closed');
  failTimes(breaker, 1);
  expect(breaker.state).toBe('open');
});

test('opens after the threshold and refuses every request until the cooldown is over', () => {
  const { breaker, advance } = breakerWithClock(3, 2000);
  failTimes(breaker, 3);
  expect(breaker.state).toBe('open');
  expect(breaker.tryAcquire()).toBeUndefined();
  advance(1999);
  expect(breaker.tryAcquire()).toBeUndefined();
  expect(breaker.state).toBe('open');
});

test('after the cooldown lets exactly one probe through, and closes when it succeeds', () => {
  const { breaker, advance } = breakerWithClock(3, 2000);
  failTimes(breaker, 3);
  advance(2000);
  expect(breaker.state).toBe('half-open');
  const probe = breaker.tryAcquire();
  expect(probe).toEqual({ probe: true });
  // While the probe is out, everything else is still refused.
  expect(breaker.tryAcquire()).toBeUndefined();
  expect(breaker.state).toBe('half-open');
  breaker.succeeded(probe!);
  expect(breaker.state).toBe('closed');
  expect(breaker.tryAcquire()).toEqual({ probe: false });
});

test('a failed probe opens it again for a whole cooldown', () => {
  const { breaker, advance } = breakerWithClock(3, 2000);
  failTimes(breaker, 3);
  advance(5000);
  breaker.failed(breaker.tryAcquire()!);
  expect(breaker.state).toBe('open');
  advance(1999);
  expect(breaker.tryAcquire()).toBeUndefined();
  advance(1);
  expect(breaker.tryAcquire()).toEqual({ probe: true });
});

test('failures of requests sent before it opened neither extend the cooldown nor spoil the probe', () => {
  const { breaker, advance } = breakerWithClock(2, 2000);
  const late: BreakerPermit[] = [breaker.tryAcquire()!, breaker.tryAcquire()!, breaker.tryAcquire()!];
  breaker.failed(late[0]);
  breaker.failed(late[1]);
  expect(breaker.state).toBe('open');
  advance(2000);
  const probe = breaker.tryAcquire()!;
  breaker.failed(late[2]);
  expect(breaker.state).toBe('half-open');
  breaker.succeeded(probe);
  expect(breaker.state).toBe('closed');
});

test('needs a threshold of at least one failure', () => {
  expect(() => new CircuitBreaker({ failures: 0, cooldownMs: 1000 })).toThrow(/at least 1/);
});

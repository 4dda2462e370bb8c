import { withTimeout } from '../src/withTimeout';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** A promise settled by the test, when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

test('a promise settled in time gives its value, and leaves no timer behind', async () => {
  const answer = deferred<number>();
  const result = withTimeout(answer.promise, 1000, () => -1);
  expect(jest.getTimerCount()).toBe(1);
  jest.advanceTimersByTime(999);
  answer.resolve(42);
  await expect(result).resolves.toBe(42);
  expect(jest.getTimerCount()).toBe(0);
});

test('a promise rejected in time gives its error, and leaves no timer behind', async () => {
  const answer = deferred<number>();
  const result = withTimeout(answer.promise, 1000, () => -1);
  answer.reject(new Error('refused'));
  await expect(result).rejects.toThrow('refused');
  expect(jest.getTimerCount()).toBe(0);
});

test('past the timeout it gives what onTimeout returns, and a later answer changes nothing', async () => {
  const answer = deferred<number>();
  const onTimeout = jest.fn(() => -1);
  const result = withTimeout(answer.promise, 1000, onTimeout);
  jest.advanceTimersByTime(1000);
  await expect(result).resolves.toBe(-1);
  answer.resolve(42);
  await answer.promise;
  await expect(result).resolves.toBe(-1);
  expect(onTimeout).toHaveBeenCalledTimes(1);
});

test('past the timeout an onTimeout that throws rejects with its error, and a message rejects with an Error of it', async () => {
  const thrown = withTimeout(deferred<void>().promise, 50, () => {
    throw Object.assign(new Error('no answer within 50 ms'), { code: 'ETIMEDOUT' });
  });
  const message = withTimeout(deferred<void>().promise, 50, 'did not stop within 50 ms');
  jest.advanceTimersByTime(50);
  await expect(thrown).rejects.toMatchObject({ message: 'no answer within 50 ms', code: 'ETIMEDOUT' });
  await expect(message).rejects.toThrow(new Error('did not stop within 50 ms'));
});

/**
 * `promise`, or what `onTimeout` gives if it has not settled within `ms`: its return value, or its
 * throw as the rejection; a string rejects with an Error of that message. The timer is cleared as
 * soon as `promise` settles, so a settled wait never keeps the process alive. The work behind
 * `promise` is not cancelled: stopping it is the caller's (e.g. inside `onTimeout`).
 */
export function withTimeout<T>(promise: PromiseLike<T>, ms: number, onTimeout: string | (() => T | PromiseLike<T>)): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (typeof onTimeout === 'string') {
        reject(new Error(onTimeout));
        return;
      }
      try {
        resolve(onTimeout());
      } catch (error) {
        reject(error);
      }
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * `f` with its calls run one after another: each starts once the one before has ended, however it
 * ended. For read-modify-write sequences on IndexedDB (a list read, changed and written back), which
 * would otherwise lose each other's changes.
 */
export function oneAtATime<A extends unknown[], R>(
  f: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let last: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const next = last.then(() => f(...args));
    last = next.catch(() => {});
    return next;
  };
}

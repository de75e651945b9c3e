/**
 * The worker's side of noticing a worker's death (spawnWorker in pool.ts): the worker holds a Web
 * Lock named after itself until it ends, however it ends; the page asks for the same lock and is
 * granted it once the worker is gone. Spread into each worker's Comlink API.
 */
let lifeLock: Promise<void> | null = null;

export const lifeLockApi = {
  /** Resolves once this worker holds its life lock (named after the worker). */
  holdLifeLock(): Promise<void> {
    lifeLock ??= new Promise<void>((resolve) => {
      void navigator.locks.request(self.name, () => {
        resolve();
        return new Promise<never>(() => {});
      });
    });
    return lifeLock;
  },
};

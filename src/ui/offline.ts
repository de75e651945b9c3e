let registered = false;

/**
 * Lessons must work in a classroom whose network comes and goes: a service worker keeps the app for
 * offline use. Installing it fetches and stores every file of the app, so it waits for the first
 * results (App) or, failing those, ten seconds after load: at load it competed with the first run,
 * and the page's first synchronous localStorage read waited ~190 ms behind its writes.
 */
export function keepForOffline(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // not available here (e.g. a private window): the app works online as before
  });
}

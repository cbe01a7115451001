/**
 * Registers the service worker (/sw.js, src/sw/worker.ts) from every page,
 * where the browser has one; without it the site works as before, only
 * not offline. A new worker left waiting because a report form was open
 * when it installed is asked again from each page; it takes over once no
 * window shows the form (the worker checks).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((reg) => reg.waiting?.postMessage('skip-waiting'))
    .catch(() => {
      /* no worker (e.g. the dev server has no /sw.js): the site works without it */
    });
}

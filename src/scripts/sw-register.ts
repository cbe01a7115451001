/**
 * Registers the service worker (/sw.js, src/sw/worker.ts) from every page,
 * where the browser has one; without it the site works as before, only
 * not offline. A new worker that waits because a report form was open
 * when it installed is let in from a page without the form.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const onForm = /^\/report\/(named\/)?$/.test(location.pathname);
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((reg) => {
      if (reg.waiting && !onForm) reg.waiting.postMessage('skip-waiting');
    })
    .catch(() => {
      /* no worker (e.g. the dev server has no /sw.js): the site works without it */
    });
}

/**
 * Registers the service worker (/sw.js, src/sw/worker.ts) from every page,
 * where the browser has one; without it the site works as before, only
 * not offline. A new worker left waiting because a report form was open
 * when it installed is asked again from each page; it takes over once no
 * window shows the form (the worker checks).
 *
 * The page asks only once it has loaded and gone quiet (a second after
 * `load`, then when idle): if the old worker is still answering one of the
 * page's requests (Chromium fetches the icon just after `load`) when the
 * swap starts, Chromium can stall the swap and then hand the next page the
 * person opens to the old worker as it stops, and that page never loads.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .then((reg) => {
      if (reg.waiting) whenQuiet(() => reg.waiting?.postMessage('skip-waiting'));
    })
    .catch(() => {
      /* no worker (e.g. the dev server has no /sw.js): the site works without it */
    });
}

function whenQuiet(run: () => void): void {
  const later = () =>
    setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : run()), 1000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

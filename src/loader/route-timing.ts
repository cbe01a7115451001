/**
 * `RIVER_TIME_ROUTES=1 npx astro build`: how long each route's pages take
 * to render, printed as a table when the pages are done. A diagnostic for
 * docs/performance.md, not part of a normal build.
 *
 * It wraps Astro's own prerenderer (the `setPrerenderer` hook of
 * `astro:build:start`) and lets one page render at a time, whatever
 * `build.concurrency` says, so that each time is that page's render and
 * its body read back, not other pages' work interleaved with it; Astro
 * still writes the files as it does. What it leaves out is the same for
 * every route: the Request, the file write and Astro's log line.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';

interface RouteTime {
  pages: number;
  ms: number;
  bytes: number;
}

/** The table of `times`, slowest route first. */
export function routeTimeTable(times: ReadonlyMap<string, RouteTime>): string {
  const rows = [...times].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((n, [, t]) => n + t.ms, 0);
  const pages = rows.reduce((n, [, t]) => n + t.pages, 0);
  return [
    `render time by route: ${pages} pages, ${Math.round(total)} ms, ${(total / Math.max(pages, 1)).toFixed(3)} ms a page`,
    '| route | pages | ms | ms a page | KB a page |',
    '|---|---|---|---|---|',
    ...rows.map(
      ([route, t]) =>
        `| ${route} | ${t.pages} | ${Math.round(t.ms)} | ${(t.ms / t.pages).toFixed(3)} | ${(t.bytes / t.pages / 1024).toFixed(1)} |`,
    ),
  ].join('\n');
}

export function timedPrerenderer(inner: AstroPrerenderer, report: (table: string) => void): AstroPrerenderer {
  const times = new Map<string, RouteTime>();
  let queue: Promise<unknown> = Promise.resolve();
  const renderOne: AstroPrerenderer['render'] = async (request, options) => {
    const start = performance.now();
    const result = await inner.render(request, options);
    const response = result instanceof Response ? result : result.response;
    const body = await response.arrayBuffer();
    const t = times.get(options.routeData.route) ?? { pages: 0, ms: 0, bytes: 0 };
    t.pages++;
    t.ms += performance.now() - start;
    t.bytes += body.byteLength;
    times.set(options.routeData.route, t);
    const copy = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    return result instanceof Response ? copy : { ...result, response: copy };
  };
  return {
    name: `${inner.name}+timing`,
    setup: () => inner.setup?.() ?? Promise.resolve(),
    getStaticPaths: () => inner.getStaticPaths(),
    render(request, options) {
      // One page at a time: each waits for the one before it.
      const next = queue.then(() => renderOne(request, options));
      queue = next.catch(() => undefined);
      return next;
    },
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages!()),
    async teardown() {
      report(routeTimeTable(times));
      await inner.teardown?.();
    },
  };
}

/** The diagnostic as an integration, printing the table to the build's output (the project's astro.config.mjs, the bench's floor). */
export function routeTiming(): AstroIntegration {
  return {
    name: 'route-timing',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) =>
        setPrerenderer((astro) => timedPrerenderer(astro, (table) => console.log(table))),
    },
  };
}

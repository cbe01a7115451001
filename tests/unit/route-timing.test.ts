/**
 * The render-time diagnostic (src/loader/route-timing.ts): pages render one
 * at a time through it, each keeps its body, and the table counts every
 * page under its route.
 */
import { describe, expect, it } from 'vitest';
import type { AstroPrerenderer, RouteData } from 'astro';
import { timedPrerenderer } from '../../src/loader/route-timing.ts';

const route = (r: string) => ({ route: r }) as RouteData;

describe('render time by route', () => {
  it('renders one page at a time, keeps each body and counts each page under its route', async () => {
    let inFlight = 0;
    let most = 0;
    const inner: AstroPrerenderer = {
      name: 'test',
      getStaticPaths: async () => [],
      async render(request) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { response: new Response(`页面 ${new URL(request.url).pathname}`, { status: 200 }) };
      },
    };
    let table = '';
    const timed = timedPrerenderer(inner, (t) => (table = t));
    const paths = ['/waters/a/', '/waters/b/', '/chiefs/c/'];
    const results = await Promise.all(
      paths.map((p) =>
        timed.render(new Request(`https://example.invalid${p}`), {
          routeData: route(p.startsWith('/waters') ? '/waters/[id]' : '/chiefs/[id]'),
        }),
      ),
    );
    expect(most).toBe(1);
    const bodies = await Promise.all(results.map((r) => (r instanceof Response ? r : r.response).text()));
    expect(bodies).toEqual(paths.map((p) => `页面 ${p}`));
    await timed.teardown!();
    expect(table).toMatch(/^render time by route: 3 pages, /);
    expect(table).toMatch(/^\| \/waters\/\[id\] \| 2 \| \d+ \| [\d.]+ \| [\d.]+ \|$/m);
    expect(table).toMatch(/^\| \/chiefs\/\[id\] \| 1 \| /m);
  });

  it('passes on a failed render and goes on with the next page', async () => {
    const inner: AstroPrerenderer = {
      name: 'test',
      getStaticPaths: async () => [],
      async render(request) {
        if (request.url.endsWith('/bad/')) throw new Error('数据错误');
        return new Response('ok');
      },
    };
    const timed = timedPrerenderer(inner, () => {});
    const bad = timed.render(new Request('https://example.invalid/bad/'), { routeData: route('/x') });
    const good = timed.render(new Request('https://example.invalid/good/'), { routeData: route('/x') });
    await expect(bad).rejects.toThrow('数据错误');
    const r = await good;
    expect(await (r instanceof Response ? r : r.response).text()).toBe('ok');
  });
});

/**
 * The portal's search over every county site at once: Pagefind's multisite
 * search. The first site's bundle is loaded (its pagefind.js and WebAssembly)
 * and every other site's bundle is merged into it with mergeIndex; each
 * index gets its site's `baseUrl` (so its results link under the site's own
 * path) and a `mergeFilter` naming the site, which the "只看" select filters
 * by. Nothing is fetched until the first search, and a search of one county
 * before any search of all loads that county's bundle alone. Results are
 * weighed and trimmed by the county site's own rules
 * (src/scripts/search-results.ts) and labelled with their county. Excerpts come from Pagefind already escaped,
 * with <mark> around matches; every other field is set as text.
 */
import { META_WEIGHTS, foundByWords, hasLongWords, ownNameFirst } from '../../../src/scripts/search-results.ts';
import { resultItem } from '../../../src/scripts/search-item.ts';

interface Site {
  name: string;
  group: string | null;
  url: string;
  bundle: string;
  baseUrl: string;
}

interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundle: string, o: Record<string, unknown>): Promise<void>;
  search(
    q: string,
    o?: { filters?: Record<string, unknown> },
  ): Promise<{ results: { id: string; data(): Promise<ResultData> }[] }>;
}

/** The filter every index is tagged with (mergeFilter): the site's url. */
const FILTER = 'site';
const PAGE = 20;

class PortalSearch extends HTMLElement {
  #pagefind: Promise<Pagefind> | undefined;
  #sites: Site[] = [];

  connectedCallback() {
    this.#sites = JSON.parse(this.dataset.sites ?? '[]') as Site[];
    const form = this.querySelector('form')!;
    const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
    const select = form.querySelector<HTMLSelectElement>('select')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    status.textContent = '';
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    select.value = params.get('site') ?? '';
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const p = new URLSearchParams();
      if (input.value.trim()) p.set('q', input.value.trim());
      if (select.value) p.set('site', select.value);
      history.replaceState(null, '', p.size ? `?${p}` : location.pathname);
      void this.#search(input.value.trim(), select.value);
    });
    select.addEventListener('change', () => form.requestSubmit());
    if (input.value) void this.#search(input.value.trim(), select.value);
  }

  /**
   * The merged index of every site (tagged with mergeFilter), built on the
   * first search over all of them. Its cost grows with the number of sites:
   * each merge fetches that site's entry and metadata, and a query fetches
   * index chunks from every site (docs/performance.md, "A province").
   */
  #loadAll(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const [first, ...rest] = this.#sites;
      if (!first) throw new Error('no sites');
      const p = await this.#loadOne(first, true);
      // All at once: each merge fetches its site's entry and metadata, and a
      // province has a hundred of them.
      await Promise.all(
        rest.map((s) =>
          p.mergeIndex(s.bundle, {
            baseUrl: s.baseUrl,
            mergeFilter: { [FILTER]: s.url },
            ranking: { metaWeights: META_WEIGHTS },
          }),
        ),
      );
      return p;
    })();
    return this.#pagefind;
  }

  /** A site's own bundle, alone: what a search of one county needs, without the others'. */
  #single = new Map<string, Promise<Pagefind>>();
  async #loadOne(s: Site, tagged: boolean): Promise<Pagefind> {
    const p = (await import(/* @vite-ignore */ `${s.bundle}pagefind.js`)) as Pagefind;
    await p.options({
      baseUrl: s.baseUrl,
      ...(tagged ? { mergeFilter: { [FILTER]: s.url } } : {}),
      ranking: { metaWeights: META_WEIGHTS },
    });
    await p.init();
    return p;
  }

  /** The index to ask, and its filters: one site's own bundle, or the merged index of all. */
  async #indexFor(site: string): Promise<{ pagefind: Pagefind; filters: Record<string, unknown> }> {
    const first = this.#sites[0];
    // The first site's script is the merged index's: with a filter it serves that site alone.
    if (!site || site === first?.url || this.#pagefind)
      return { pagefind: await this.#loadAll(), filters: site ? { [FILTER]: site } : {} };
    const s = this.#sites.find((x) => x.url === site);
    if (!s) return { pagefind: await this.#loadAll(), filters: {} };
    let p = this.#single.get(s.url);
    if (!p) this.#single.set(s.url, (p = this.#loadOne(s, false)));
    return { pagefind: await p, filters: {} };
  }

  /** The site a result belongs to: the one whose url its url is under (the longest such). */
  #siteOf(url: string): Site | undefined {
    const abs = new URL(url, location.href).href;
    return this.#sites
      .filter((s) => abs.startsWith(new URL(s.url, location.href).href))
      .sort((a, b) => b.url.length - a.url.length)[0];
  }

  #token = 0;
  async #search(q: string, site: string) {
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const mine = ++this.#token;
    list.replaceChildren();
    if (!q) {
      status.textContent = '请输入要搜索的内容。';
      return;
    }
    status.textContent = '正在搜索…';
    let items: ResultData[];
    let total: number;
    try {
      const { pagefind, filters } = await this.#indexFor(site);
      const found = await pagefind.search(q, { filters });
      if (mine !== this.#token) return;
      const read = await Promise.all(found.results.slice(0, 5 * PAGE).map((r) => r.data()));
      const kept = hasLongWords(q) ? read.filter((d) => foundByWords(q, d)) : read;
      total = found.results.length - (read.length - kept.length);
      items = ownNameFirst(q, kept).slice(0, PAGE);
    } catch {
      status.textContent = '搜索暂时无法使用，请稍后再试，或到各县网站上搜索。';
      return;
    }
    if (mine !== this.#token) return;
    const where = site ? `在${this.#sites.find((s) => s.url === site)?.name ?? ''}` : '在各县网站';
    status.textContent =
      items.length === 0
        ? `${where}没有找到与“${q}”有关的内容。可以换个说法，或输入拼音。`
        : `${where}找到 ${total} 条结果${total > PAGE ? `，显示前 ${PAGE} 条` : ''}。`;
    for (const item of items) {
      const s = this.#siteOf(item.url);
      list.append(resultItem(item, s ? [s.group, s.name].filter(Boolean).join(' · ') : ''));
    }
  }
}

customElements.define('portal-search', PortalSearch);

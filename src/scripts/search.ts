/**
 * The search page's behaviour: read the form (and ?q= on load), ask
 * Pagefind, draw the results. Pagefind's script and index are fetched from
 * this site's /pagefind/ only when the page is used. Before drawing, the
 * results go through src/scripts/search-results.ts: pages found only
 * through single characters of a longer word are dropped, and the page
 * whose own name is the query comes first. Excerpts come from Pagefind
 * already escaped, with <mark> around matches, and are cut from the visible
 * text the index holds (src/lib/search.ts); every other field is set as
 * text.
 */
import { META_WEIGHTS, foundByWords, hasLongWords, ownNameFirst } from './search-results.ts';
import { resultItem } from './search-item.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(o: { ranking?: { metaWeights?: Record<string, number> } }): Promise<void>;
  init(): Promise<void>;
  search(
    q: string | null,
    opts?: { filters?: Record<string, unknown> },
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (p) => {
    await p.options({ ranking: { metaWeights: META_WEIGHTS } });
    await p.init();
    return p;
  });
  return pagefind;
}

const PAGE = 20;
/** At most this many results are read to find a page of them that passes `foundByWords`. */
const MAX_READ = 5 * PAGE;

type Found = Awaited<ReturnType<Pagefind['search']>>['results'];

/**
 * The data of the first page of results, and how many results there are
 * once those found only through single characters are left out (counted
 * among the results read; the rest, if any, are counted as found).
 */
async function firstPage(q: string, results: Found): Promise<{ items: PagefindResultData[]; total: number }> {
  const check = hasLongWords(q);
  const items: PagefindResultData[] = [];
  let read = 0;
  const limit = Math.min(results.length, check ? MAX_READ : PAGE);
  while (read < limit && items.length < PAGE) {
    const batch = await Promise.all(results.slice(read, Math.min(read + PAGE, limit)).map((r) => r.data()));
    read += batch.length;
    items.push(...(check ? batch.filter((d) => foundByWords(q, d)) : batch));
  }
  const total = items.length === 0 ? 0 : results.length - (read - items.length);
  return { items: ownNameFirst(q, items).slice(0, PAGE), total };
}

export function runSearch(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  for (const el of root.querySelectorAll<HTMLElement>('[data-filters]')) el.hidden = false;
  status.textContent = '';

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const types = new Set(params.getAll('type'));
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="type"]')) box.checked = types.has(box.value);
  const township = form.querySelector<HTMLSelectElement>('select[name="township"]')!;
  township.value = params.get('township') ?? '';

  let token = 0;
  async function search() {
    const q = input.value.trim();
    const mine = ++token;
    list.replaceChildren();
    if (!q) {
      status.textContent = '请输入要搜索的内容。';
      return;
    }
    status.textContent = '正在搜索…';
    const filters: Record<string, unknown> = {};
    const checked = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]:checked')].map((b) => b.value);
    if (checked.length) filters.type = { any: checked };
    if (township.value) filters.township = township.value;
    let page;
    try {
      const found = await (await loadPagefind()).search(q, { filters });
      if (mine !== token) return;
      page = await firstPage(q, found.results);
    } catch {
      status.textContent = '搜索暂时无法使用，请稍后再试，或浏览河湖名录。';
      return;
    }
    if (mine !== token) return;
    const { items, total } = page;
    status.textContent =
      total === 0
        ? `没有找到与“${q}”有关的内容。可以换个说法，或输入拼音。`
        : `找到 ${total} 条结果${total > PAGE ? `，显示前 ${PAGE} 条` : ''}。`;
    for (const item of items) list.append(resultItem(item));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.append(k, String(v));
    history.replaceState(null, '', `?${p}`);
    void search();
  });
  form.addEventListener('change', () => form.requestSubmit());
  if (input.value) void search();
}

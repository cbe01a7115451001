/**
 * One search result as the list shows it: the page's title as a link, a
 * line of facts (type, township, state), and Pagefind's excerpt with the
 * query's words marked. The site's search page and a portal's search
 * (portal/src/scripts/portal-search.ts, which names the county first) show
 * results the same way.
 */
export interface ShownResult {
  url: string;
  /** Escaped by Pagefind; holds <mark> only. */
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** The result's list item; `source` (a county's name) leads the facts line when given. */
export function resultItem(item: ShownResult, source = ''): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = item.url;
  a.textContent = item.meta.title ?? item.url;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const facts = [item.meta.type, item.meta.township, item.meta.detail].filter(Boolean).join(' · ');
  if (source) {
    const county = document.createElement('strong');
    county.className = 'county';
    county.textContent = source;
    meta.append(county);
    if (facts) meta.append(' · ');
  }
  meta.append(facts);
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.innerHTML = item.excerpt;
  li.append(a, meta, excerpt);
  return li;
}

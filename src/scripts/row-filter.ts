/**
 * In-page filtering of a server-rendered list (<row-filter>): the ledger,
 * the directory, the station table and the documents list. The HTML is
 * complete without JS; this reads the choices of a GET form and hides the
 * rows that do not match, keeps a live count and keeps the choices in the
 * address (replaceState), so a filtered list can be shared. Everything it
 * needs is in data attributes (FilterForm.astro writes the form's):
 *
 *   <row-filter data-filter-implied="status=open">   choices the page itself stands for
 *     <form data-filter-form>
 *       <select name="township">                     rows match on data-filter-township
 *       <input name="q" data-filter-match="text">     … one of the row's words contains the text
 *       <select name="status" data-filter-match="token">  … the row's space-separated list holds it
 *       <select name="sort" data-filter-order>        "<key>-asc|desc": rows by data-order-<key>
 *     </form>
 *     <p data-filter-count data-count-all="共 {total} 个" data-count-some="…{shown}…" data-count-none="…">
 *     <p data-filter-note hidden>                      shown while filtered or sorted
 *     <section data-filter-group> <tr data-filter-row data-filter-township="…">  a group with no row left is hidden
 *     <p data-filter-empty hidden>                     shown when no row is left
 *     <nav data-filter-carry> <a>                      links that carry the choices along (page links)
 *
 * A subclass may send a submit elsewhere (destination()): the ledger goes to
 * the static page that answers the most of the choices.
 */

import { fillCount, matchValue } from '../lib/row-filter.ts';

export type Choices = Record<string, string>;

type Control = HTMLInputElement | HTMLSelectElement;

const collator = new Intl.Collator('zh-CN', { numeric: true });

export class RowFilter extends HTMLElement {
  #controls: Control[] = [];
  /** Rows in their server order (the sort starts from it each time). */
  #rows: HTMLElement[] | null = null;
  #sortedBy = '';
  #implied: Choices = {};
  /** What the count says now (a sort announcement repeats it). */
  countText = '';

  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form[data-filter-form]');
    if (!form) return;
    this.#controls = [...form.elements].filter(
      (e): e is Control => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement) && !!e.name,
    );
    this.#implied = Object.fromEntries(new URLSearchParams(this.dataset.filterImplied ?? ''));
    this.countText = this.querySelector('[data-filter-count]')?.textContent?.trim() ?? '';

    // Start from the page's own choices, then the address's.
    const start: Choices = { ...this.#implied };
    for (const [k, v] of new URLSearchParams(location.search)) if (v) start[k] = v;
    this.write(start);

    // `input` fires for selects too, and on every key in a text box.
    form.addEventListener('input', () => this.update());
    form.addEventListener('reset', () => setTimeout(() => this.update()));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const to = this.destination(this.read());
      if (to) location.assign(to);
      else this.update();
    });
    // On load only a page opened with extra choices is touched: otherwise
    // nothing changes and the browser lays the list out once.
    if (this.#differs(start)) this.apply();
  }

  /** Where a submit goes instead of filtering in place; null: stay. */
  protected destination(_choices: Choices): string | null {
    return null;
  }

  /** The query string for choices on a page that stands for `implied`. */
  protected query(c: Choices, implied: Choices = this.#implied): string {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(c)) if (v && implied[k] !== v) p.set(k, v);
    return p.size ? `?${p}` : '';
  }

  read(): Choices {
    const c: Choices = {};
    for (const el of this.#controls) {
      const v = el.value.trim();
      if (v) c[el.name] = v;
    }
    return c;
  }

  write(c: Choices) {
    for (const el of this.#controls) {
      const v = c[el.name] ?? '';
      // Keep only values the form offers (a stale link may carry others).
      el.value = el instanceof HTMLSelectElement && ![...el.options].some((o) => o.value === v) ? '' : v;
    }
  }

  /** Apply the form to the rows and keep the address and page links in step. */
  update() {
    this.apply();
    const q = this.query(this.read());
    history.replaceState(history.state, '', location.pathname + q + location.hash);
    for (const a of this.querySelectorAll<HTMLAnchorElement>('[data-filter-carry] a[href]'))
      a.href = a.href.split('?')[0] + q;
  }

  /** Choices other than the order that differ from what the page stands for. */
  #differs(c: Choices): boolean {
    return (
      this.#controls.some(
        (el) => !('filterOrder' in el.dataset) && (c[el.name] ?? '') !== (this.#implied[el.name] ?? ''),
      ) || !!this.#orderOf(c)
    );
  }

  #orderOf(c: Choices): string {
    const el = this.#controls.find((e) => 'filterOrder' in e.dataset);
    return el ? (c[el.name] ?? '') : '';
  }

  apply() {
    const rows = (this.#rows ??= [...this.querySelectorAll<HTMLElement>('[data-filter-row]')]);
    const c = this.read();
    const filters = this.#controls.filter((el) => !('filterOrder' in el.dataset) && c[el.name]);

    // Rows move only when the order changes.
    const order = this.#orderOf(c);
    if (order !== this.#sortedBy) {
      const m = /^(.+)-(asc|desc)$/.exec(order);
      const sorted = m
        ? [...rows].sort(
            (a, b) =>
              (m[2] === 'asc' ? 1 : -1) *
              collator.compare(a.getAttribute(`data-order-${m[1]}`) ?? '', b.getAttribute(`data-order-${m[1]}`) ?? ''),
          )
        : rows;
      for (const row of sorted) row.parentElement?.append(row);
      this.#sortedBy = order;
    }

    let shown = 0;
    for (const row of rows) {
      const ok = filters.every((el) =>
        matchValue(el.dataset.filterMatch, row.getAttribute(`data-filter-${el.name}`) ?? '', c[el.name]!),
      );
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) shown++;
    }
    for (const g of this.querySelectorAll<HTMLElement>('[data-filter-group]'))
      g.hidden = !g.querySelector('[data-filter-row]:not([hidden])');
    const empty = this.querySelector<HTMLElement>('[data-filter-empty]');
    if (empty) empty.hidden = shown > 0;

    const filtered = this.#controls.some(
      (el) => !('filterOrder' in el.dataset) && (c[el.name] ?? '') !== (this.#implied[el.name] ?? ''),
    );
    const count = this.querySelector<HTMLElement>('[data-filter-count]');
    if (count) {
      const d = count.dataset;
      const template = shown === 0 ? d.countNone : filtered ? d.countSome : d.countAll;
      this.countText = fillCount(template ?? d.countAll ?? '', shown, rows.length);
      count.textContent = this.countText;
    }
    const note = this.querySelector<HTMLElement>('[data-filter-note]');
    if (note) note.hidden = !(filtered || order);
  }
}

if (!customElements.get('row-filter')) customElements.define('row-filter', RowFilter);

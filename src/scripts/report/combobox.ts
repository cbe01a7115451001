/**
 * The "which water" field as an ARIA 1.2 combobox (editable, list
 * autocomplete): type a name, its pinyin or initials ("dxh") or a
 * township; arrow keys move through the matches, Enter or a click chooses,
 * Escape closes. The last option is always "不知道河湖名称". The chosen id
 * goes into the hidden `water` input; the visible text is posted as
 * `water_name`. The list comes from the page's <select> (small sites) or
 * from /report/waters.json, loaded on first use (large sites).
 */
import { matchWaters, UNKNOWN_WATER, type WaterChoice } from '../../lib/report.ts';

export const UNKNOWN_LABEL = '不知道河湖名称';

export interface Combobox {
  /** Choose a water by id (or UNKNOWN_WATER); false when the id is not in the list. */
  choose(id: string): Promise<boolean>;
}

export const label = (w: WaterChoice) => (w.area ? `${w.name}（${w.area}）` : w.name);

export function combobox(
  input: HTMLInputElement,
  hidden: HTMLInputElement,
  status: HTMLElement,
  load: () => Promise<WaterChoice[]>,
  onChange: () => void,
): Combobox {
  const listbox = document.createElement('ul');
  listbox.id = `${input.id}-list`;
  listbox.className = 'hz-listbox';
  listbox.hidden = true;
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', '河湖');
  input.after(listbox);
  let options: { id: string; text: string }[] = [];
  let active = -1;
  let list: WaterChoice[] | null = null;
  const getList = async () => (list ??= await load().catch(() => []));

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.autocomplete = 'off';

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (i: number) => {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const li = listbox.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = async () => {
    const q = input.value;
    const matches = matchWaters(await getList(), q, 50);
    if (q !== input.value) return; // typed on while the list loaded
    options = [...matches.map((w) => ({ id: w.id, text: label(w) })), { id: UNKNOWN_WATER, text: UNKNOWN_LABEL }];
    listbox.replaceChildren(
      ...options.map((o, i) => {
        const li = document.createElement('li');
        li.id = `${listbox.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = o.text;
        if (o.id === UNKNOWN_WATER) li.className = 'unknown';
        return li;
      }),
    );
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    status.textContent = matches.length
      ? `找到 ${matches.length >= 50 ? '50 个以上' : `${matches.length} 个`}河湖，用上下方向键选择`
      : '没有找到这个名称的河湖，可以选择“不知道河湖名称”';
  };

  const set = (id: string, text: string) => {
    hidden.value = id;
    input.value = text;
    close();
    onChange();
  };

  input.addEventListener('input', () => {
    hidden.value = ''; // typing again undoes the choice until a water is chosen
    void open();
  });
  input.addEventListener('keydown', (e) => {
    const n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (listbox.hidden) return void open();
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && !listbox.hidden && active >= 0) {
      e.preventDefault();
      set(options[active]!.id, options[active]!.text);
    } else if (e.key === 'Escape' && !listbox.hidden) {
      e.preventDefault();
      close();
    }
  });
  // mousedown, not click: the input keeps focus and blur does not close the list first.
  listbox.addEventListener('mousedown', (e) => {
    const li = (e.target as Element).closest('li');
    if (!li) return;
    e.preventDefault();
    const o = options[[...listbox.children].indexOf(li)];
    if (o) set(o.id, o.text);
  });
  input.addEventListener('blur', () => {
    close();
    // Typed an exact name that only one water has: take it as the choice.
    if (!hidden.value && list && input.value.trim()) {
      const same = list.filter((w) => w.name === input.value.trim());
      if (same.length === 1) set(same[0]!.id, label(same[0]!));
    }
  });

  return {
    async choose(id) {
      if (id === UNKNOWN_WATER) return (set(id, UNKNOWN_LABEL), true);
      const w = (await getList()).find((x) => x.id === id);
      if (w) set(w.id, label(w));
      return !!w;
    },
  };
}

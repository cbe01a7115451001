/**
 * The follow-your-report page's behaviour (<track-lookup> on /track/): read
 * the reference number (typed, or ?ref= on load), fetch the one shard
 * /track/<key>.json it hashes to, and draw the case found, or say why not.
 * Data is set as text only.
 */
import { normaliseRef, shardKey, shardPath } from '../lib/track.ts';
import { formatDateZh } from '../lib/format.ts';
import { clearError, showErrors, wireSummary } from './form-errors.ts';
import { flushOutbox, outboxEntries } from './report/outbox.ts';
import { pending } from '../lib/report-outbox.ts';
// The shape of the shard files, as src/data/ledger.ts writes them (type only: nothing of it is bundled).
import type { TrackCase } from '../data/track.ts';

/** Build an element with text only: data never becomes markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** A copy of a <template data-template="…"> of the page. */
const template = (name: string) =>
  document
    .querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!
    .content.cloneNode(true) as DocumentFragment;

/**
 * The case's events as the case page lists them: the list and one blank
 * event come from CaseTimeline's template, each event a copy filled as text.
 */
function timeline(events: TrackCase['events']): HTMLElement {
  const list = template('timeline').querySelector('ol')!;
  const blank = list.querySelector('li')!;
  blank.remove();
  for (const e of events) {
    const li = blank.cloneNode(true) as HTMLElement;
    const slot = (name: string) => li.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
    li.classList.add(e.status);
    const time = slot('date') as HTMLTimeElement;
    time.dateTime = e.date;
    time.textContent = formatDateZh(e.date);
    slot('label').textContent = e.status_label;
    if (e.note) slot('note').textContent = e.note;
    else slot('note').remove();
    if (e.by) slot('by').textContent = e.by;
    else slot('by').parentElement!.remove();
    list.append(li);
  }
  return list;
}

function render(c: TrackCase): HTMLElement {
  const box = el('article', undefined, 'found');
  box.append(el('h2', c.ref ? `受理编号 ${c.ref}` : `问题编号 ${c.id}`));
  const title = el('p', undefined, 'case-title');
  const a = el('a', c.title);
  a.href = c.url;
  title.append(a);
  box.append(title);
  const state = el('p', undefined, c.overdue ? 'state overdue' : 'state');
  state.append('当前状态：', el('strong', c.status_label));
  box.append(state, el('p', c.deadline_text, c.overdue ? 'deadline overdue' : 'deadline'));
  const facts = el('p', `位置：${c.water}（${c.township}）；发现日期：${formatDateZh(c.found)}。`);
  box.append(facts);
  box.append(el('h3', '办理过程'), timeline(c.events));
  const more = el('p');
  const link = el('a', '查看这个问题的完整页面');
  link.href = c.url;
  more.append(link);
  box.append(more);
  return box;
}

export class TrackLookup extends HTMLElement {
  /**
   * Reports this browser queued while offline (report/outbox.ts): those the
   * endpoint has stored since, with their 受理编号 (a link looks it up), and
   * how many still wait for a connection (sent from here when online).
   */
  async showOutbox(lookup: (ref: string) => Promise<void>) {
    if (navigator.onLine) await flushOutbox();
    const entries = await outboxEntries();
    const box = this.querySelector<HTMLElement>('[data-outbox]')!;
    const sent = entries.filter((e) => e.state === 'sent' && e.receipt);
    const waiting = pending(entries).length;
    box.replaceChildren();
    for (const e of sent) {
      const p = el('p', '您在没有网络时提交的反映已经送达，受理编号：');
      const a = el('a', e.receipt!.ref);
      a.href = `?ref=${encodeURIComponent(e.receipt!.ref)}`;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        this.querySelector<HTMLInputElement>('#ref')!.value = e.receipt!.ref;
        void lookup(e.receipt!.ref);
      });
      p.append(a, '。请记下这个编号；登记后即可在这里查到办理情况。');
      box.append(p);
    }
    if (waiting)
      box.append(el('p', `这个浏览器中还有 ${waiting} 份反映在等待网络，我们还没有收到；网络恢复后会自动发送。`));
    box.hidden = !box.childElementCount;
  }

  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('#ref')!;
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    const length = Number(this.dataset.keyLength);
    // Hidden by CSS already where (scripting: enabled) is understood.
    this.querySelector<HTMLElement>('[data-nojs]')!.hidden = true;

    wireSummary(this);
    // The one question's error, in its message, the summary and the title (GOV.UK); it goes once a reference is typed.
    const showError = (message: string | null) => showErrors(this, message ? [{ field: 'ref', message }] : [], ['ref']);
    input.addEventListener('input', () => {
      if (normaliseRef(input.value)) clearError(this, 'ref');
    });

    const lookup = async (typed: string) => {
      const key = normaliseRef(typed);
      if (!key) {
        result.replaceChildren();
        showError('请输入受理编号'); // focuses the summary, whose link leads to the field
        return;
      }
      showError(null);
      result.replaceChildren(el('p', '正在查询……'));
      let cases: TrackCase[];
      try {
        const res = await fetch(shardPath(shardKey(key, length)));
        if (!res.ok) throw new Error(String(res.status));
        cases = ((await res.json()) as { cases: TrackCase[] }).cases;
      } catch {
        result.replaceChildren(template('error'));
        result.focus();
        return;
      }
      const hits = cases.filter((c) => c.key === key);
      if (hits.length === 0) {
        const frag = template('not-found');
        frag.querySelector('[data-slot="ref"]')!.textContent = typed.trim();
        result.replaceChildren(frag);
      } else {
        result.replaceChildren(...hits.map(render));
      }
      result.focus();
    };

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const typed = input.value;
      const url = new URL(location.href);
      if (typed.trim()) url.searchParams.set('ref', typed.trim());
      else url.searchParams.delete('ref');
      history.replaceState(null, '', url);
      void lookup(typed);
    });

    void this.showOutbox(lookup);

    const initial = new URLSearchParams(location.search).get('ref');
    if (initial) {
      input.value = initial;
      void lookup(initial);
    }
  }
}

/**
 * <report-form>: enhances the server-rendered report form (which posts as
 * plain HTML without JS). Wires the small modules of this folder: the
 * questions that need a script (water-field, contact-field, geo-field,
 * photo-field), the draft kept as the person types (draft.ts), validation
 * with the GOV.UK error pattern (../form-errors.ts; an error goes as soon
 * as its field is put right), sending with timeout and retries (submit.ts),
 * and the confirmation or the other channels (outcome.ts). This module
 * keeps the draft in step with the form and runs a submission.
 * The draft (draft.ts) keeps no name, phone or coordinates unless "named"
 * is chosen, expires DRAFT_DAYS after its last change, and is cleared once
 * the endpoint confirmed the report or the person says they sent it by
 * another channel; a failed submission keeps it.
 *
 * The reference made in the browser is a draft number (草稿编号) until the
 * endpoint confirms it: the page then shows the reference the endpoint
 * answered with (受理编号). Every retry sends the same reference, so a
 * report that arrived but whose answer was lost is stored once; only when
 * the endpoint says that reference already holds a different report (409:
 * the person changed the form after an attempt that did arrive) is the
 * report sent again under a new reference.
 *
 * With no connection (or no answer in time) the report is queued in the
 * outbox (outbox.ts) and the page says it will be sent when the connection
 * returns and that nothing has been received yet; the service worker sends
 * it on Background Sync where the browser has it, else this page does on
 * its next load or `online` event. The page that next opens finds the
 * result by the draft's reference and shows the 受理编号.
 *
 * Attributes: data-endpoint (site.yaml report.endpoint; empty = none),
 * data-config (JSON ChannelConfig), data-waters-url (list to fetch when the
 * page has no <select> of waters).
 */
import { z } from 'zod/mini';
import { FIELDS, formToReport, newReference, validateReport, type Report } from '../../lib/report.ts';
import { draftExpiry } from '../../lib/report-draft.ts';
import { clearError, fieldOf, hasError, showErrors, wireSummary } from '../form-errors.ts';
import { clearDraft, openDraft, saveText, type OpenedDraft } from './draft.ts';
import { flushOutbox, outboxEntries, putEntry, removeEntry, requestSync } from './outbox.ts';
import { entryForDraft } from '../../lib/report-outbox.ts';
import { toReportPhoto } from './photos.ts';
import { failureText, fieldErrors, sendReport, type Receipt, type SendResult } from './submit.ts';
import { setupWater, type WaterField } from './water-field.ts';
import { setupContact, syncContact } from './contact-field.ts';
import { setupGeo, type GeoField } from './geo-field.ts';
import { PhotoField } from './photo-field.ts';
import { showFallback, showSuccess } from './outcome.ts';
import type { ChannelConfig } from './fallback.ts';

// No `new Function` probe: the page may be served with a strict CSP.
z.config({ jitless: true });

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel)!;
const pad = (n: number) => String(n).padStart(2, '0');

class ReportForm extends HTMLElement {
  form!: HTMLFormElement;
  cfg!: ChannelConfig;
  endpoint = '';
  ref: string | undefined;
  water!: WaterField;
  geo!: GeoField;
  photos!: PhotoField;
  title0 = document.title;
  saveTimer = 0;
  busy = false;

  connectedCallback() {
    this.form = $(this, 'form');
    this.cfg = JSON.parse(this.dataset.config ?? '{}') as ChannelConfig;
    this.endpoint = this.dataset.endpoint ?? '';
    for (const el of this.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
    for (const el of this.querySelectorAll('[data-nojs]')) el.remove();
    this.form.hidden = false;
    const today = new Date();
    $<HTMLInputElement>(this.form, '[name=seen_date]').max =
      `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    this.water = setupWater(this, this.form, () => {
      this.recheck('water');
      this.saveSoon();
    });
    const opened = openDraft();
    this.restore(opened);
    // Kept at once: choosing "anonymous" removes the name, phone and position already kept.
    setupContact(this, this.form, () => this.saveNow());
    this.geo = setupGeo(this, this.form, () => this.saveNow());
    this.photos = new PhotoField(this);
    void this.photos.setup(opened.ready);
    wireSummary(this);
    for (const type of ['input', 'change'])
      this.form.addEventListener(type, (e) => {
        this.recheck(fieldOf(e.target as Element));
        this.saveSoon();
      });
    addEventListener('pagehide', () => this.save());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    $(this, '[data-retry-button]').addEventListener('click', () => this.form.requestSubmit());
    $(this, '[data-forget]').addEventListener(
      'click',
      () => void this.forget('已清除这个浏览器中保存的草稿（文字和照片），可以填写新的反映。'),
    );
    $(this, '[data-draft-clear]').addEventListener('click', () => void this.forget('已清空，可以重新填写。'));
    addEventListener('online', () => {
      if (this.endpoint) void this.checkOutbox();
      else if (!$(this, '[data-retry]').hidden)
        $(this, '[data-fallback-status]').textContent = '网络已恢复，可以点击“重新提交”。';
    });
    if (this.endpoint) void this.checkOutbox();
  }

  /**
   * Send what the outbox holds (when online), then show what became of this
   * draft's queued report: its 受理编号 once the endpoint stored it, the
   * queue notice while it waits, the other channels when it was refused.
   */
  async checkOutbox() {
    if (navigator.onLine) await flushOutbox(newReference);
    const entry = entryForDraft(await outboxEntries(), this.ref);
    if (!entry || this.busy) return;
    if (entry.state === 'sent') {
      await removeEntry(entry.ref);
      await this.confirmed(entry.receipt ?? { ref: entry.ref });
      return;
    }
    const checked = validateReport(formToReport(this.values()));
    if (!checked.ok) return;
    const report = { ...checked.report, ref: entry.ref };
    // In conflict it goes under a new reference at the next send from this page.
    if (entry.state === 'queued' || entry.state === 'conflict')
      return this.fallback(report, failureText({ ok: false, reason: 'offline' }), true);
    // Refused: nothing more will send it by itself; the form and the other channels are the way on.
    await removeEntry(entry.ref);
    this.fallback(report, failureText({ ok: false, reason: 'rejected', status: entry.status }));
  }

  /** The endpoint stored the report: show its reference (受理编号) and forget the draft. */
  async confirmed(receipt: Receipt) {
    this.form.hidden = true; // no more draft saves from here (save() skips a hidden form)
    clearTimeout(this.saveTimer);
    await clearDraft();
    this.ref = receipt.ref;
    $(this, '[data-fallback]').hidden = true;
    $(this, '[data-draft-notice]').hidden = true;
    document.title = `已提交：${this.title0}`;
    showSuccess(this, receipt);
  }

  /**
   * After a change, clear the errors it put right: the changed field's and
   * those of the fields inside it (the name and phone once "anonymous" is
   * chosen). Nothing new is flagged while the person is still answering:
   * that waits for the next submit. Photo errors are the photo field's own.
   */
  recheck(field: string | null) {
    const group = field ? this.querySelector<HTMLElement>(`[data-field="${field}"]`) : null;
    if (!group) return;
    const fields = [group, ...group.querySelectorAll<HTMLElement>('[data-field]')]
      .map((g) => g.dataset.field!)
      .filter((f) => f !== 'photos' && hasError(this, f));
    if (!fields.length) return;
    const { errors } = validateReport(formToReport(this.values()));
    for (const f of fields) if (!errors.some((e) => e.field === f)) clearError(this, f);
  }

  /* ---- draft ---- */

  values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(this.form)) if (typeof v === 'string') out[k] = v;
    return out;
  }

  /**
   * Whether the person changed anything since the page loaded or the draft
   * was cleared. Only then is the draft written: leaving the page does not
   * renew an untouched draft's 30 days, nor write an empty one after "clear".
   */
  dirty = false;

  /** Keep a change 300 ms after the last keystroke. */
  saveSoon() {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.save(), 300);
  }

  /** Keep a change at once. */
  saveNow() {
    this.dirty = true;
    this.save();
  }

  save() {
    clearTimeout(this.saveTimer);
    if (this.dirty && !this.form.hidden) saveText(this.values(), this.ref);
  }

  restore({ text: draft, expired }: OpenedDraft) {
    $(this, '[data-draft-expired]').hidden = !expired;
    if (draft) {
      this.ref = draft.ref;
      for (const el of this.form.elements as unknown as Iterable<HTMLInputElement>) {
        if (!el.name || el.type === 'file' || el.type === 'submit' || el.type === 'button') continue;
        const v = draft.values[el.name];
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = v === el.value;
        else if (v !== undefined) el.value = v;
      }
      const when = new Date(draft.saved);
      const until = new Date(draftExpiry(draft.saved));
      const notice = $(this, '[data-draft-notice]');
      $(notice, '[data-draft-time]').textContent =
        `（${when.getMonth() + 1}月${when.getDate()}日 ${pad(when.getHours())}:${pad(when.getMinutes())} 保存，保留到 ${until.getMonth() + 1}月${until.getDate()}日）`;
      notice.hidden = false;
    }
    // ?water=<id> from a water's page wins over the draft (the URL follows the field, so a reload agrees).
    const params = new URLSearchParams(location.search);
    const id = params.get('water');
    if (id && id !== this.water.id.value) void this.water.combobox.choose(id);
    // ?category=<value> (e.g. sign_outdated from "号码打不通或信息有误？") chooses the category the same way.
    const category = params.get('category');
    const radio = category
      ? this.form.querySelector<HTMLInputElement>(`input[name=category][value="${CSS.escape(category)}"]`)
      : null;
    if (radio && !radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  async forget(message: string) {
    clearTimeout(this.saveTimer);
    this.dirty = false;
    await clearDraft();
    this.ref = undefined;
    this.form.reset();
    this.water.id.value = '';
    this.photos.clear();
    this.geo.show();
    syncContact(this, this.form);
    showErrors(this, [], FIELDS);
    $(this, '[data-draft-notice]').hidden = true;
    $(this, '[data-draft-expired]').hidden = true;
    $(this, '[data-fallback]').hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete('water');
    history.replaceState(history.state, '', url);
    $(this, '[data-form-status]').textContent = message;
    $(this, '#r-water').focus(); // the button pressed is now hidden: start again at the first field
  }

  /* ---- submit ---- */

  async submit() {
    if (this.busy) return;
    const values = this.values();
    const checked = validateReport(formToReport(values));
    if (!checked.ok) {
      $(this, '[data-fallback]').hidden = true;
      showErrors(this, checked.errors, FIELDS);
      return;
    }
    showErrors(this, [], FIELDS);
    this.ref ??= newReference();
    clearTimeout(this.saveTimer);
    saveText(values, this.ref);
    const report: Report = { ...checked.report, ref: this.ref };
    if (!this.endpoint) return this.fallback(report, null);

    this.busy = true;
    const button = $<HTMLButtonElement>(this.form, '[type=submit]');
    const status = $(this, '[data-form-status]');
    button.disabled = true;
    status.textContent = '正在提交……';
    try {
      const photos = await Promise.all(this.photos.photos.map((p) => toReportPhoto(p.name, p.blob)));
      const full = validateReport({ ...formToReport(values, photos), ref: this.ref });
      if (!full.ok) return void showErrors(this, full.errors, FIELDS);
      // The honeypot (a field people never see) goes only when something filled it in: the receiver then stores nothing.
      const trap = values.website?.trim();
      const body = (ref: string) =>
        JSON.stringify(trap ? { ...full.report, ref, website: trap } : { ...full.report, ref });
      const send = (ref: string) =>
        sendReport(this.endpoint, body(ref), {
          onAttempt: (n) => (status.textContent = n > 1 ? `正在重试（第 ${n} 次）……` : '正在提交……'),
        });
      let result: SendResult = await send(this.ref);
      if (!result.ok && result.status === 409) {
        this.ref = newReference();
        saveText(values, this.ref);
        result = await send(this.ref);
      }
      status.textContent = '';
      if (result.ok) {
        await removeEntry(this.ref); // an earlier queued copy of it, if any
        return void (await this.confirmed(result.receipt ?? { ref: this.ref }));
      }
      // No connection, or no answer in time: queue it (the same reference, so a copy that did arrive is stored once).
      if (result.reason === 'offline' || result.reason === 'timeout') {
        const queued = await putEntry({
          ref: this.ref,
          draftRef: this.ref,
          endpoint: this.endpoint,
          body: body(this.ref),
          queued: new Date().toISOString(),
          state: 'queued',
        });
        if (queued) {
          void requestSync();
          return this.fallback({ ...report, ref: this.ref }, failureText(result), true);
        }
      }
      const errors = result.errors && fieldErrors(result.errors);
      if (errors?.length) {
        $(this, '[data-fallback]').hidden = true;
        showErrors(this, errors, FIELDS);
      } else this.fallback({ ...report, ref: this.ref }, failureText(result));
    } finally {
      this.busy = false;
      button.disabled = false;
    }
  }

  fallback(report: Report, reason: string | null, queued = false) {
    showFallback(this, report, {
      reason,
      queued,
      photoCount: this.photos.photos.length,
      cfg: this.cfg,
      endpoint: !!this.endpoint,
    });
  }
}

customElements.define('report-form', ReportForm);

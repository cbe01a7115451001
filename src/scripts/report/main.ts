/**
 * <report-form>: enhances the server-rendered report form (which posts as
 * plain HTML without JS). Wires the small modules of this folder:
 * the water combobox, the draft kept as the person types, photos resized
 * and kept in IndexedDB, geolocation on request, validation with the
 * GOV.UK error pattern, sending with timeout and retries, and the other
 * channels (email, phone, copy) when there is no endpoint or sending fails.
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
 * Attributes: data-endpoint (site.yaml report.endpoint; empty = none),
 * data-config (JSON ChannelConfig), data-waters-url (list to fetch when the
 * page has no <select> of waters).
 */
import { z } from 'zod/mini';
import { checkPhotoFiles, FIELDS, formToReport, newReference, UNKNOWN_WATER, validateReport, type FieldError, type FieldKey, type Report, type WaterChoice } from '../../lib/report.ts';
import { draftExpiry } from '../../lib/report-draft.ts';
import { clearDraft, deletePhoto, loadPhotos, openDraft, savePhoto, saveText, type OpenedDraft, type StoredPhoto } from './draft.ts';
import { resizePhoto, toReportPhoto } from './photos.ts';
import { failureText, sendReport, type Receipt, type SendResult, type ServerError } from './submit.ts';
import { setFieldError, showErrors, wireSummary } from './errors.ts';
import { combobox, type Combobox } from './combobox.ts';
import { describePosition, locate } from './geo.ts';
import { copyText, fillChannels, trackPath, type ChannelConfig } from './fallback.ts';

// No `new Function` probe: the page may be served with a strict CSP.
z.config({ jitless: true });

const $ = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel)!;
const pad = (n: number) => String(n).padStart(2, '0');

/** The form field of an error the endpoint returned (`photos.1.data` → photos); null when the form has none. */
function fieldOfPath(path: string): FieldKey | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'lat' || head === 'lon') return 'geo';
  if (head === 'water_name') return 'water';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldKey) : null;
}

/** The endpoint's field errors as the form shows them, first message per field, in page order; null when one has no field. */
function fieldErrors(errors: readonly ServerError[]): FieldError[] | null {
  const first = new Map<FieldKey, string>();
  for (const e of errors) {
    const field = fieldOfPath(e.path);
    if (!field) return null;
    if (!first.has(field)) first.set(field, e.message);
  }
  return FIELDS.filter((f) => first.has(f)).map((f) => ({ field: f, message: first.get(f)! }));
}

class ReportForm extends HTMLElement {
  form!: HTMLFormElement;
  cfg!: ChannelConfig;
  endpoint = '';
  ref: string | undefined;
  photos: StoredPhoto[] = [];
  water!: Combobox;
  waterId!: HTMLInputElement;
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
    $<HTMLInputElement>(this.form, '[name=seen_date]').max = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    this.setupWater();
    const opened = openDraft();
    this.restore(opened);
    this.setupContact();
    this.setupGeo();
    void this.setupPhotos(opened.ready);
    wireSummary(this);
    this.form.addEventListener('input', () => this.saveSoon());
    this.form.addEventListener('change', () => this.saveSoon());
    addEventListener('pagehide', () => this.save());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    $(this, '[data-retry-button]').addEventListener('click', () => this.form.requestSubmit());
    $(this, '[data-forget]').addEventListener('click', () => void this.forget('已清除这个浏览器中保存的草稿（文字和照片），可以填写新的反映。'));
    $(this, '[data-draft-clear]').addEventListener('click', () => void this.forget('已清空，可以重新填写。'));
    addEventListener('online', () => {
      if (!$(this, '[data-retry]').hidden) $(this, '[data-fallback-status]').textContent = '网络已恢复，可以点击“重新提交”。';
    });
  }

  /* ---- water ---- */

  setupWater() {
    const select = this.form.querySelector<HTMLSelectElement>('select[name=water]');
    let load: () => Promise<WaterChoice[]>;
    if (select) {
      // Small site: the <select> becomes the combobox's list.
      const choices: WaterChoice[] = [...select.querySelectorAll('option')]
        .filter((o) => o.value && o.value !== UNKNOWN_WATER)
        .map((o) => ({ id: o.value, name: o.text, area: o.dataset.a ?? (o.parentElement as HTMLOptGroupElement).label ?? '', keys: o.dataset.s ?? '' }));
      load = async () => choices;
      const input = document.createElement('input');
      input.type = 'text';
      input.name = 'water_name';
      input.className = select.className;
      input.setAttribute('aria-describedby', select.getAttribute('aria-describedby') ?? '');
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'water';
      hidden.value = select.value;
      const chosen = select.selectedOptions[0];
      if (chosen?.value) input.value = chosen.value === UNKNOWN_WATER ? chosen.text : choices.find((c) => c.id === chosen.value)?.name ?? '';
      select.replaceWith(input, hidden);
      input.id = 'r-water';
    } else {
      const url = this.dataset.watersUrl!;
      load = async () => {
        const res = await fetch(url);
        const body = (await res.json()) as { waters: [string, string, string, string][] };
        return body.waters.map(([id, name, area, keys]) => ({ id, name, area, keys }));
      };
    }
    this.waterId = $<HTMLInputElement>(this.form, 'input[name=water]');
    this.water = combobox($<HTMLInputElement>(this.form, '#r-water'), this.waterId, $(this, '#r-water-status'), load, () => {
      const url = new URL(location.href);
      if (this.waterId.value && this.waterId.value !== UNKNOWN_WATER) url.searchParams.set('water', this.waterId.value);
      else url.searchParams.delete('water');
      history.replaceState(history.state, '', url);
      this.saveSoon();
    });
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
      $(notice, '[data-draft-time]').textContent = `（${when.getMonth() + 1}月${when.getDate()}日 ${pad(when.getHours())}:${pad(when.getMinutes())} 保存，保留到 ${until.getMonth() + 1}月${until.getDate()}日）`;
      notice.hidden = false;
    }
    // ?water=<id> from a water's page wins over the draft (the URL follows the field, so a reload agrees).
    const params = new URLSearchParams(location.search);
    const id = params.get('water');
    if (id && id !== this.waterId.value) void this.water.choose(id);
    // ?category=<value> (e.g. sign_outdated from "号码打不通或信息有误？") chooses the category the same way.
    const category = params.get('category');
    const radio = category ? this.form.querySelector<HTMLInputElement>(`input[name=category][value="${CSS.escape(category)}"]`) : null;
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
    this.waterId.value = '';
    this.photos = [];
    this.renderPhotos();
    this.setupGeoDisplay();
    this.syncContact();
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

  /* ---- contact: name and phone only when "named" is chosen ---- */

  /** Show and enable the name, phone and consent only for "named": a disabled fieldset's fields are not in FormData, so not in the draft or the report. */
  syncContact = () => {
    const named = (this.form.elements.namedItem('contact') as RadioNodeList).value === 'named';
    const details = $<HTMLFieldSetElement>(this, '[data-conditional]');
    details.hidden = !named;
    details.disabled = !named;
  };

  setupContact() {
    const radios = this.form.querySelectorAll<HTMLInputElement>('[name=contact]');
    // The page of the plain form for named reports (/report/named/) starts at "named" unless the draft says otherwise.
    const preset = $(this, '[data-field=contact]').dataset.contact;
    if (preset && ![...radios].some((r) => r.checked)) for (const r of radios) r.checked = r.value === preset;
    for (const r of radios)
      r.addEventListener('change', () => {
        this.syncContact();
        this.saveNow(); // at once: choosing "anonymous" removes the name, phone and position already kept
      });
    this.syncContact();
  }

  /* ---- geolocation, only on request ---- */

  accuracy: number | undefined;

  setupGeoDisplay = () => {
    const lat = $<HTMLInputElement>(this.form, '[name=lat]').value;
    const lon = $<HTMLInputElement>(this.form, '[name=lon]').value;
    const has = !!(lat && lon);
    $(this, '[data-geo-text]').textContent = has ? `已附上位置：${describePosition(Number(lat), Number(lon), this.accuracy)}` : '';
    $(this, '[data-geo-clear]').hidden = !has;
  };

  setupGeo() {
    const btn = $<HTMLButtonElement>(this, '[data-geo]');
    const status = $(this, '[data-geo-text]');
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      status.textContent = '正在定位……';
      const r = await locate();
      btn.disabled = false;
      if (r.ok) {
        $<HTMLInputElement>(this.form, '[name=lat]').value = String(r.lat);
        $<HTMLInputElement>(this.form, '[name=lon]').value = String(r.lon);
        this.accuracy = r.accuracy;
        this.setupGeoDisplay();
        setFieldError(this, 'geo', null);
        this.saveNow();
      } else status.textContent = r.message;
    });
    $(this, '[data-geo-clear]').addEventListener('click', () => {
      $<HTMLInputElement>(this.form, '[name=lat]').value = '';
      $<HTMLInputElement>(this.form, '[name=lon]').value = '';
      this.accuracy = undefined;
      this.setupGeoDisplay();
      this.saveNow();
      btn.focus();
    });
    this.setupGeoDisplay();
  }

  /* ---- photos: resized, kept in IndexedDB ---- */

  async setupPhotos(ready: Promise<void>) {
    const input = $<HTMLInputElement>(this.form, '#r-photos');
    await ready; // an expired draft's photos are deleted first
    this.photos = await loadPhotos();
    this.renderPhotos();
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      const { accepted, refused } = checkPhotoFiles(files, this.photos.length);
      const problems = refused.map((r) => `${r.file.name}：${r.message}`);
      const status = $(this, '[data-photo-status]');
      status.textContent = accepted.length ? '正在处理照片……' : '';
      for (const file of accepted) {
        try {
          const photo = { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name: file.name, blob: await resizePhoto(file) };
          await savePhoto(photo);
          this.photos.push(photo);
        } catch {
          problems.push(`${file.name}：无法读取这张照片，请换一张 JPG 或 PNG 照片`);
        }
      }
      setFieldError(this, 'photos', problems.length ? problems.join('；') : null);
      this.renderPhotos();
      status.textContent = `已附 ${this.photos.length} 张照片${problems.length ? `，${problems.length} 张未能添加` : ''}。`;
    });
  }

  urls: string[] = [];

  renderPhotos() {
    for (const u of this.urls) URL.revokeObjectURL(u);
    this.urls = [];
    const list = $(this, '[data-photo-list]');
    list.replaceChildren(
      ...this.photos.map((p, i) => {
        const li = document.createElement('li');
        const img = document.createElement('img');
        img.src = URL.createObjectURL(p.blob);
        this.urls.push(img.src);
        img.alt = `照片 ${i + 1}`;
        const text = document.createElement('span');
        text.textContent = `照片 ${i + 1}（${Math.max(1, Math.round(p.blob.size / 1024))} KB）`;
        const del = document.createElement('button');
        del.type = 'button';
        del.textContent = `删除照片 ${i + 1}`;
        del.addEventListener('click', async () => {
          await deletePhoto(p.id);
          this.photos = this.photos.filter((x) => x !== p);
          this.renderPhotos();
          $(this, '[data-photo-status]').textContent = `已删除照片 ${i + 1}，还有 ${this.photos.length} 张。`;
          $<HTMLInputElement>(this.form, '#r-photos').focus();
        });
        li.append(img, text, del);
        return li;
      }),
    );
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
      const photos = await Promise.all(this.photos.map((p) => toReportPhoto(p.name, p.blob)));
      const full = validateReport({ ...formToReport(values, photos), ref: this.ref });
      if (!full.ok) return void showErrors(this, full.errors, FIELDS);
      // The honeypot (a field people never see) goes only when something filled it in: the receiver then stores nothing.
      const trap = values.website?.trim();
      const send = (ref: string) =>
        sendReport(this.endpoint, JSON.stringify(trap ? { ...full.report, ref, website: trap } : { ...full.report, ref }), {
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
        this.form.hidden = true; // no more draft saves from here (save() skips a hidden form)
        clearTimeout(this.saveTimer);
        await clearDraft();
        this.success(result.receipt ?? { ref: this.ref });
        return;
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

  /** The endpoint confirmed the report: show the reference it stored (受理编号), no longer the draft number. */
  success({ ref, received }: Receipt) {
    this.ref = ref;
    this.form.hidden = true;
    $(this, '[data-fallback]').hidden = true;
    $(this, '[data-draft-notice]').hidden = true;
    const panel = $(this, '[data-success]');
    for (const el of panel.querySelectorAll('[data-ref]')) el.textContent = ref;
    const when = received ? new Date(received) : null;
    const time = $(panel, '[data-received]');
    time.hidden = !when || Number.isNaN(when.getTime());
    if (when && !time.hidden) $(time, 'span').textContent = `${when.getFullYear()}年${when.getMonth() + 1}月${when.getDate()}日 ${pad(when.getHours())}:${pad(when.getMinutes())}`;
    $<HTMLAnchorElement>(panel, '[data-track]').href = trackPath(ref);
    panel.hidden = false;
    document.title = `已提交：${this.title0}`;
    $(panel, 'h2').focus();
  }

  fallback(report: Report, reason: string | null) {
    const panel = $(this, '[data-fallback]');
    const text = fillChannels(panel, report, this.photos.length, this.cfg);
    $(panel, 'h2').textContent = reason ? '没有提交成功，内容已保存在本机' : '请用以下方式发送您的反映';
    $(panel, '[data-fallback-reason]').textContent = reason
      ? `${reason}您填写的内容和照片已保存在这个浏览器中，关闭页面或断网也不会丢失。可以稍后重新提交，也可以用下面的方式反映。`
      : '本站暂未开通在线提交。请用邮件、电话或微信把下面的内容发给我们，并说明编号。您填写的内容仍保存在这个浏览器中，发送后请点击本框最下面的按钮清除。';
    $(panel, '[data-retry]').hidden = !reason;
    // With an endpoint the browser's number is only a draft until the endpoint confirms it.
    $(panel, '[data-ref-label]').textContent = this.endpoint ? '草稿编号' : '您的编号';
    $(panel, '[data-draft-ref-note]').hidden = !this.endpoint;
    $(panel, '[data-fallback-status]').textContent = '';
    const copy = $<HTMLButtonElement>(panel, '[data-copy]');
    copy.onclick = async () => {
      const ok = await copyText(text, $<HTMLTextAreaElement>(panel, '[data-text]'));
      $(panel, '[data-fallback-status]').textContent = ok ? '已复制，可以粘贴到微信或短信中发送。' : '已选中全部文字，请按住文字或按 Ctrl+C 复制。';
    };
    panel.hidden = false;
    $(panel, 'h2').focus();
  }
}

customElements.define('report-form', ReportForm);

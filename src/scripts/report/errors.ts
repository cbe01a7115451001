/**
 * The GOV.UK error pattern: one list of errors feeds the summary at the top
 * (role=alert, focused, a link to each field) and the message above each
 * field (linked with aria-describedby); the page title gets "错误：".
 * Every field group is rendered with an empty, hidden error slot
 * (`[data-error]`) so the page's styles apply without JS-built markup.
 */
import type { FieldError, FieldKey } from '../../lib/report.ts';

const PREFIX = '错误：';

function group(root: ParentNode, field: FieldKey): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-field="${field}"]`);
}

/** The control a summary link focuses: the group's data-target, else its first control. */
export function targetOf(root: ParentNode, field: FieldKey): HTMLElement | null {
  const g = group(root, field);
  if (!g) return null;
  const id = g.dataset.target;
  return (id && document.getElementById(id)) || g.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
}

/** The group's own controls (not those of a group nested in it, like the contact details under "named"). */
function controls(g: HTMLElement): HTMLElement[] {
  return [...g.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea')].filter((el) => el.closest('[data-field]') === g);
}

function describe(el: HTMLElement, id: string, on: boolean) {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/** Show one field's message (or clear it with null). */
export function setFieldError(root: ParentNode, field: FieldKey, message: string | null): void {
  const g = group(root, field);
  const slot = g?.querySelector<HTMLElement>('[data-error]');
  if (!g || !slot) return;
  slot.hidden = !message;
  slot.querySelector('[data-msg]')!.textContent = message ?? '';
  g.classList.toggle('has-error', !!message);
  // Radios are described by the group's fieldset (as GOV.UK does); other controls directly.
  const fieldset = g.querySelector<HTMLElement>(':scope > fieldset');
  if (fieldset) describe(fieldset, slot.id, !!message);
  for (const el of controls(g)) {
    if (message) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    if (!(fieldset && el instanceof HTMLInputElement && el.type === 'radio')) describe(el, slot.id, !!message);
  }
}

/** Show all errors: inline, in the summary (focused), in the title. Returns false when there were none. */
export function showErrors(root: HTMLElement, errors: readonly FieldError[], allFields: readonly FieldKey[]): boolean {
  for (const f of allFields) setFieldError(root, f, errors.find((e) => e.field === f)?.message ?? null);
  const summary = root.querySelector<HTMLElement>('[data-error-summary]')!;
  const list = summary.querySelector('ul')!;
  list.replaceChildren(
    ...errors.map((e) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${targetOf(root, e.field)?.id ?? ''}`;
      a.dataset.field = e.field;
      a.textContent = e.message;
      li.append(a);
      return li;
    }),
  );
  summary.hidden = errors.length === 0;
  const title = document.title.startsWith(PREFIX) ? document.title.slice(PREFIX.length) : document.title;
  document.title = errors.length ? PREFIX + title : title;
  if (errors.length) summary.focus();
  return errors.length > 0;
}

/** Links of the summary move focus to the field and bring its label or legend into view. */
export function wireSummary(root: HTMLElement): void {
  root.querySelector('[data-error-summary]')!.addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest<HTMLAnchorElement>('a[data-field]');
    if (!a) return;
    const target = targetOf(root, a.dataset.field as FieldKey);
    if (!target) return;
    ev.preventDefault();
    const label = target.closest('fieldset')?.querySelector('legend') ?? (target.id ? root.querySelector(`label[for="${target.id}"]`) : null);
    (label ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
}

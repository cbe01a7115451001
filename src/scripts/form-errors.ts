/**
 * The GOV.UK error pattern, for the forms built with components/ui (Field,
 * ErrorSummary): one list of errors feeds the summary at the top
 * (role=alert, focused, a link to each field) and the message of each
 * field (linked with aria-describedby, the control marked aria-invalid);
 * the page title gets "错误：". A field's error goes as soon as the field
 * is put right (clearError), before the form is sent again.
 *
 * A field is the element with data-field="<key>" (a Field); its error
 * message is its [data-error], rendered empty and hidden. A summary link
 * names its field with data-for, so that looking up a field never finds
 * the link instead (the summary comes first in the page).
 */

const PREFIX = '错误：';

/** One message for one field, as validation gives it. */
export interface FormError<K extends string = string> {
  field: K;
  message: string;
}

function group(root: ParentNode, field: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-field="${field}"]`);
}

function summaryOf(root: ParentNode): HTMLElement {
  return root.querySelector<HTMLElement>('[data-error-summary]')!;
}

/** The control a summary link focuses: the group's data-target, else its first control. */
export function targetOf(root: ParentNode, field: string): HTMLElement | null {
  const g = group(root, field);
  if (!g) return null;
  const id = g.dataset.target;
  return (
    (id && document.getElementById(id)) ||
    g.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')
  );
}

/** The key of the field an element belongs to (the nearest data-field), or null. */
export function fieldOf(el: Element | null): string | null {
  return el?.closest<HTMLElement>('[data-field]')?.dataset.field ?? null;
}

/** The group's own controls (not those of a group nested in it, like the contact details under "named"). */
function controls(g: HTMLElement): HTMLElement[] {
  return [...g.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea')].filter(
    (el) => el.closest('[data-field]') === g,
  );
}

function describe(el: HTMLElement, id: string, on: boolean) {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

/** Whether a field shows an error now. */
export function hasError(root: ParentNode, field: string): boolean {
  return !!group(root, field)?.classList.contains('hz-form-group--error');
}

/** Show one field's message (or clear it with null). */
export function setFieldError(root: ParentNode, field: string, message: string | null): void {
  const g = group(root, field);
  const slot = g?.querySelector<HTMLElement>('[data-error]');
  if (!g || !slot) return;
  slot.hidden = !message;
  slot.querySelector('[data-msg]')!.textContent = message ?? '';
  g.classList.toggle('hz-form-group--error', !!message);
  // Radios are described by the group's fieldset (as GOV.UK does); other controls directly.
  const fieldset = g.querySelector<HTMLElement>(':scope > fieldset');
  if (fieldset) describe(fieldset, slot.id, !!message);
  for (const el of controls(g)) {
    if (message) el.setAttribute('aria-invalid', 'true');
    else el.removeAttribute('aria-invalid');
    if (!(fieldset && el instanceof HTMLInputElement && el.type === 'radio')) describe(el, slot.id, !!message);
  }
}

function setTitle(hasErrors: boolean) {
  const title = document.title.startsWith(PREFIX) ? document.title.slice(PREFIX.length) : document.title;
  document.title = hasErrors ? PREFIX + title : title;
}

/** Show all errors: inline, in the summary (focused), in the title. Returns false when there were none. */
export function showErrors<K extends string>(
  root: HTMLElement,
  errors: readonly FormError<K>[],
  allFields: readonly K[],
): boolean {
  for (const f of allFields) setFieldError(root, f, errors.find((e) => e.field === f)?.message ?? null);
  const summary = summaryOf(root);
  summary.querySelector('ul')!.replaceChildren(
    ...errors.map((e) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${targetOf(root, e.field)?.id ?? ''}`;
      a.dataset.for = e.field;
      a.textContent = e.message;
      li.append(a);
      return li;
    }),
  );
  summary.hidden = errors.length === 0;
  setTitle(errors.length > 0);
  if (errors.length) summary.focus();
  return errors.length > 0;
}

/**
 * A field was put right: its message, its link in the summary and, with
 * the last one, the summary and the title's "错误：" go. Focus stays where
 * the person is typing.
 */
export function clearError(root: HTMLElement, field: string): void {
  setFieldError(root, field, null);
  const summary = summaryOf(root);
  summary.querySelector(`a[data-for="${field}"]`)?.closest('li')?.remove();
  if (!summary.hidden && !summary.querySelector('a[data-for]')) {
    summary.hidden = true;
    setTitle(false);
  }
}

/** Links of the summary move focus to the field and bring its label or legend into view. */
export function wireSummary(root: HTMLElement): void {
  summaryOf(root).addEventListener('click', (ev) => {
    const a = (ev.target as Element).closest<HTMLAnchorElement>('a[data-for]');
    if (!a) return;
    const target = targetOf(root, a.dataset.for!);
    if (!target) return;
    ev.preventDefault();
    const label =
      target.closest('fieldset')?.querySelector('legend') ??
      (target.id ? root.querySelector(`label[for="${target.id}"]`) : null);
    (label ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
}

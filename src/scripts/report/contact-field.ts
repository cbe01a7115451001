/**
 * "Anonymous or named" with JS: the name, phone and consent are shown and
 * enabled only while "named" is chosen. A disabled fieldset's fields are
 * not in FormData, so neither in the draft nor in the report.
 */

/** Show or hide the details for the current answer. */
export function syncContact(root: HTMLElement, form: HTMLFormElement): void {
  const named = (form.elements.namedItem('contact') as RadioNodeList).value === 'named';
  const details = root.querySelector<HTMLFieldSetElement>('[data-conditional]')!;
  details.hidden = !named;
  details.disabled = !named;
}

/** Preselect the page's answer (/report/named/ starts at "named" unless the draft says otherwise) and follow changes; `onChange` runs after each. */
export function setupContact(root: HTMLElement, form: HTMLFormElement, onChange: () => void): void {
  const radios = form.querySelectorAll<HTMLInputElement>('[name=contact]');
  const preset = root.querySelector<HTMLElement>('[data-field=contact]')!.dataset.contact;
  if (preset && ![...radios].some((r) => r.checked)) for (const r of radios) r.checked = r.value === preset;
  for (const r of radios)
    r.addEventListener('change', () => {
      syncContact(root, form);
      onChange();
    });
  syncContact(root, form);
}

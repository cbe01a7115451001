/**
 * The "which water" question with JS: the page's <select> (small sites) or
 * text field (large sites, list fetched from data-waters-url) becomes the
 * combobox of combobox.ts; the choice is kept in the URL (?water=<id>) so
 * a reload agrees with the field.
 */
import { UNKNOWN_WATER, type WaterChoice } from '../../lib/report.ts';
import { combobox, type Combobox } from './combobox.ts';

export interface WaterField {
  combobox: Combobox;
  /** The hidden input that holds the chosen water's id (or UNKNOWN_WATER). */
  id: HTMLInputElement;
}

/** Replace a <select> by a text input and a hidden id, keeping its choice; returns the list of waters it offered. */
function replaceSelect(select: HTMLSelectElement): WaterChoice[] {
  const choices: WaterChoice[] = [...select.querySelectorAll('option')]
    .filter((o) => o.value && o.value !== UNKNOWN_WATER)
    .map((o) => ({
      id: o.value,
      name: o.text,
      area: o.dataset.a ?? (o.parentElement as HTMLOptGroupElement).label ?? '',
      keys: o.dataset.s ?? '',
    }));
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
  if (chosen?.value)
    input.value =
      chosen.value === UNKNOWN_WATER ? chosen.text : (choices.find((c) => c.id === chosen.value)?.name ?? '');
  select.replaceWith(input, hidden);
  input.id = select.id;
  return choices;
}

/** Turn the water question of `root` into the combobox; `onChange` runs after each choice. */
export function setupWater(root: HTMLElement, form: HTMLFormElement, onChange: () => void): WaterField {
  const select = form.querySelector<HTMLSelectElement>('select[name=water]');
  let load: () => Promise<WaterChoice[]>;
  if (select) {
    const choices = replaceSelect(select);
    load = async () => choices;
  } else {
    const url = root.dataset.watersUrl!;
    load = async () => {
      const res = await fetch(url);
      const body = (await res.json()) as { waters: [string, string, string, string][] };
      return body.waters.map(([id, name, area, keys]) => ({ id, name, area, keys }));
    };
  }
  const id = form.querySelector<HTMLInputElement>('input[name=water]')!;
  const box = combobox(
    form.querySelector<HTMLInputElement>('#r-water')!,
    id,
    root.querySelector<HTMLElement>('#r-water-status')!,
    load,
    () => {
      const url = new URL(location.href);
      if (id.value && id.value !== UNKNOWN_WATER) url.searchParams.set('water', id.value);
      else url.searchParams.delete('water');
      history.replaceState(history.state, '', url);
      onChange();
    },
  );
  return { combobox: box, id };
}

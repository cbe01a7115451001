/**
 * "Attach my position": the browser is asked for it only when the button
 * is pressed (geo.ts); the position goes into the hidden lat/lon inputs and
 * is described in words beside the button, which can also remove it.
 */
import { clearError } from '../form-errors.ts';
import { describePosition, locate } from './geo.ts';

export interface GeoField {
  /** Redraw the description from the inputs (after a reset or a restored draft). */
  show(): void;
}

/** Wire the position question of `root`; `onChange` runs when a position is attached or removed. */
export function setupGeo(root: HTMLElement, form: HTMLFormElement, onChange: () => void): GeoField {
  const btn = root.querySelector<HTMLButtonElement>('[data-geo]')!;
  const status = root.querySelector<HTMLElement>('[data-geo-text]')!;
  const clear = root.querySelector<HTMLButtonElement>('[data-geo-clear]')!;
  const lat = form.querySelector<HTMLInputElement>('[name=lat]')!;
  const lon = form.querySelector<HTMLInputElement>('[name=lon]')!;
  let accuracy: number | undefined;

  const show = () => {
    const has = !!(lat.value && lon.value);
    status.textContent = has ? `已附上位置：${describePosition(Number(lat.value), Number(lon.value), accuracy)}` : '';
    clear.hidden = !has;
  };

  btn.addEventListener('click', async () => {
    btn.disabled = true;
    status.textContent = '正在定位……';
    const r = await locate();
    btn.disabled = false;
    if (r.ok) {
      lat.value = String(r.lat);
      lon.value = String(r.lon);
      accuracy = r.accuracy;
      show();
      clearError(root, 'geo');
      onChange();
    } else status.textContent = r.message;
  });
  clear.addEventListener('click', () => {
    lat.value = '';
    lon.value = '';
    accuracy = undefined;
    show();
    onChange();
    btn.focus();
  });
  show();
  return { show };
}

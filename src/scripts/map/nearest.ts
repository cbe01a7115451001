/**
 * <hz-nearest>: "离我最近的河湖". On a tap, asks the browser for the
 * person's location, loads the site's own /data/waters.geojson and lists
 * the nearest waters with their straight-line distance. Everything happens
 * on the phone: the location goes into no request, no storage and no log.
 * Browsers report positions in WGS-84, the same system as the data, so no
 * conversion is needed.
 *
 * Without JS or without geolocation the element stays hidden (the map and
 * the list of waters remain). The distance code is bundled in (about 0.8 KB
 * gzipped): less than the loader a dynamic import() would add.
 */
import { formatDistanceZh, nearestWaters } from '../../lib/nearest.ts';
interface Collection {
  features: {
    properties?: { id?: unknown; name?: unknown } | null;
    geometry?: { type: string; coordinates: unknown } | null;
  }[];
}

const ERRORS: Record<number, string> = {
  1: '没有获得位置权限。可以在浏览器设置中允许本站使用位置后再试，或在示意图和河湖名录中查找。',
  2: '暂时无法确定您的位置，请到开阔处稍后再试。',
  3: '获取位置超时，请稍后再试。',
};

class HzNearest extends HTMLElement {
  private data: Promise<Collection> | null = null;

  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>('[data-nearest]');
    const button = this.querySelector('button');
    if (!box || !button || !('geolocation' in navigator)) return;
    box.hidden = false;
    button.addEventListener('click', () => this.locate(button));
  }

  private say(text: string): void {
    const status = this.querySelector('[data-status]');
    if (status) status.textContent = text;
  }

  private locate(button: HTMLButtonElement): void {
    button.disabled = true;
    this.say('正在获取您的位置……');
    this.querySelector('[data-list]')?.replaceChildren();
    this.data ??= fetch(this.dataset.src!).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<Collection>;
    });
    navigator.geolocation.getCurrentPosition(
      (pos) => void this.show([pos.coords.longitude, pos.coords.latitude]).finally(() => (button.disabled = false)),
      (err) => {
        this.say(ERRORS[err.code] ?? ERRORS[2]!);
        button.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  private async show(point: [number, number]): Promise<void> {
    try {
      const data = await this.data!;
      const near = nearestWaters(point, data.features, 3);
      if (near.length === 0) return this.say('本站没有河湖的位置数据。');
      const list = this.querySelector('[data-list]')!;
      for (const w of near) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `${import.meta.env.BASE_URL}waters/${w.id}/`;
        a.textContent = w.name;
        li.append(a, `：${formatDistanceZh(w.metres)}`);
        list.append(li);
      }
      this.say(`离您最近的 ${near.length} 个河湖（直线距离）：`);
    } catch {
      this.data = null;
      this.say('河湖位置数据没有加载成功，请检查网络后再试。');
    }
  }
}

if (!customElements.get('hz-nearest')) customElements.define('hz-nearest', HzNearest);

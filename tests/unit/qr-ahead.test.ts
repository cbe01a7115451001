/**
 * The signs' QR codes made ahead on a second thread (src/loader/qr-ahead.ts):
 * the thread makes the same SVG the sign page would, each code is taken
 * once, and a code that has not arrived is made by the page itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeQrSvg, qrMadeAhead, qrSvg, segmentUrl, waterUrl } from '../../src/lib/qr.ts';
import { signQrTexts, startQrAhead } from '../../src/loader/qr-ahead.ts';
import type { RawFolder } from '../../src/loader/read.ts';

afterEach(() => qrMadeAhead.set(undefined));

const SITE = 'https://hzz.example.gov.cn/';

describe('QR codes made ahead', () => {
  it("are every sign's: each water's page and each segment's", () => {
    const folder = {
      site: { url: SITE },
      waters: [{ data: { id: 'qingxi-he' } }, { data: { id: 'baisha-qu' } }],
      segments: [{ data: { id: 'qx-1', water: 'qingxi-he' } }],
    } as unknown as RawFolder;
    expect(signQrTexts(folder)).toEqual([
      waterUrl(SITE, 'qingxi-he'),
      waterUrl(SITE, 'baisha-qu'),
      segmentUrl(SITE, 'qingxi-he', 'qx-1'),
    ]);
    expect(signQrTexts({ ...folder, site: null } as RawFolder)).toEqual([]);
  });

  it('are the SVG the page would make, each taken once', async () => {
    const texts = [waterUrl(SITE, 'qingxi-he'), segmentUrl(SITE, 'qingxi-he', 'qx-1')];
    const ahead = startQrAhead(texts);
    const map = qrMadeAhead.get()!;
    for (let i = 0; i < 200 && map.size < texts.length; i++) await new Promise((r) => setTimeout(r, 25));
    expect(map.size).toBe(texts.length);
    for (const t of texts) expect(map.get(t)).toBe(await makeQrSvg(t));
    expect(await qrSvg(texts[0]!)).toBe(await makeQrSvg(texts[0]!));
    expect(map.has(texts[0]!)).toBe(false);
    expect(await ahead.stop()).toEqual({ made: 2, used: 1 });
    expect(qrMadeAhead.get()).toBeUndefined();
  });

  it('leave a code that has not arrived to the page', async () => {
    qrMadeAhead.set(new Map());
    const text = waterUrl(SITE, 'baisha-qu');
    expect(await qrSvg(text)).toBe(await makeQrSvg(text));
  });
});

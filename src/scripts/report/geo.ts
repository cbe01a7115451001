/**
 * The browser's position, asked for only when the person presses the
 * button (never on page load). WGS84, as the data contract's lat/lon.
 */

export type GeoResult = { ok: true; lat: number; lon: number; accuracy: number } | { ok: false; message: string };

export function locate(): Promise<GeoResult> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator))
      return resolve({ ok: false, message: '这个浏览器不能定位，请在“具体位置”中写清地点。' });
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          ok: true,
          lat: Number(p.coords.latitude.toFixed(6)),
          lon: Number(p.coords.longitude.toFixed(6)),
          accuracy: Math.round(p.coords.accuracy),
        }),
      (err) =>
        resolve({
          ok: false,
          message:
            err.code === err.PERMISSION_DENIED
              ? '没有得到定位权限。可以在浏览器设置中允许本站定位后再试，或在“具体位置”中写清地点。'
              : '暂时无法定位，请到开阔处再试，或在“具体位置”中写清地点。',
        }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  });
}

/** 北纬 30.12345°，东经 120.12345°（精度约 20 米） */
export function describePosition(lat: number, lon: number, accuracy?: number): string {
  const f = (n: number) => Math.abs(n).toFixed(5);
  return `${lat >= 0 ? '北纬' : '南纬'} ${f(lat)}°，${lon >= 0 ? '东经' : '西经'} ${f(lon)}°${accuracy ? `（精度约 ${accuracy} 米）` : ''}`;
}

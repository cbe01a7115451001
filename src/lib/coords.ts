/**
 * Coordinates for Chinese map apps. The site's data is WGS-84 (GPS; the
 * data contract's station and case lat/lon, and geo/waters.geojson, which
 * RFC 7946 defines as WGS-84). Maps published in mainland China use GCJ-02
 * (高德, 腾讯) or Baidu's BD-09, which is GCJ-02 shifted again: a WGS-84 point
 * handed to them unconverted lands 100–700 m off. Pure functions; unit-tested
 * against reference points read from the apps themselves.
 *
 * The GCJ-02 offset is the publicly known approximation (Krasovsky 1940
 * ellipsoid): it matches the apps to well under a metre. It applies only in
 * China, approximated as a rectangle (the apps themselves do the same);
 * outside it the conversion is the identity.
 */

/** Longitude, latitude in degrees (GeoJSON order). */
export type LonLat = [number, number];

const A = 6378245.0; // Krasovsky 1940 semi-major axis (m)
const EE = 0.006693421622965943; // its first eccentricity squared
const PI = Math.PI;

/** Outside the rectangle that the GCJ-02 offset covers. */
export function outOfChina([lon, lat]: LonLat): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  return r;
}

/** WGS-84 (GPS) to GCJ-02 (高德, 腾讯 and Apple Maps in China). */
export function wgs84ToGcj02(p: LonLat): LonLat {
  if (outOfChina(p)) return [p[0], p[1]];
  const [lon, lat] = p;
  const radLat = (lat / 180) * PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLon = (offsetLon(lon - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return [lon + dLon, lat + dLat];
}

const X_PI = (PI * 3000) / 180;

/** GCJ-02 to Baidu's BD-09 (百度地图). Outside China there is no GCJ-02 offset to build on: the identity. */
export function gcj02ToBd09(p: LonLat): LonLat {
  if (outOfChina(p)) return [p[0], p[1]];
  const [x, y] = p;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

const fixed = (n: number) => n.toFixed(6);

/**
 * Links that open a WGS-84 point in 高德地图 and 百度地图: their web URIs,
 * which open the app when it is installed and the web map otherwise. Each
 * is given the coordinates in its own system and told so (高德
 * `coordinate=gaode`, 百度 `coord_type=bd09ll`), so neither converts again.
 */
export function mapAppLinks(p: LonLat, name: string, source: string): { amap: string; baidu: string } {
  const [gLon, gLat] = wgs84ToGcj02(p);
  const [bLon, bLat] = gcj02ToBd09([gLon, gLat]);
  const amap = new URL('https://uri.amap.com/marker');
  amap.search = new URLSearchParams({
    position: `${fixed(gLon)},${fixed(gLat)}`,
    name,
    coordinate: 'gaode',
    callnative: '1',
    src: source,
  }).toString();
  const baidu = new URL('https://api.map.baidu.com/marker');
  baidu.search = new URLSearchParams({
    location: `${fixed(bLat)},${fixed(bLon)}`,
    title: name,
    content: name,
    output: 'html',
    coord_type: 'bd09ll',
    src: source,
  }).toString();
  return { amap: amap.href, baidu: baidu.href };
}

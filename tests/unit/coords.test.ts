/**
 * WGS-84 → GCJ-02 → BD-09 against points whose coordinates were read from
 * the apps: 天安门 in WGS-84 and as 高德's own coordinate service returns it,
 * and city centres with all three systems from the gcoord project's
 * fixtures (taken from 高德 and 百度). A metre is about 1e-5°.
 */
import { describe, expect, it } from 'vitest';
import { gcj02ToBd09, mapAppLinks, outOfChina, wgs84ToGcj02, type LonLat } from '../../src/lib/coords.ts';

const METRE = 1e-5;
const near = (got: LonLat, want: LonLat, tol: number) => {
  expect(Math.abs(got[0] - want[0]), `lon ${got[0]} vs ${want[0]}`).toBeLessThan(tol);
  expect(Math.abs(got[1] - want[1]), `lat ${got[1]} vs ${want[1]}`).toBeLessThan(tol);
};

const CITIES: { name: string; wgs: LonLat; gcj: LonLat; bd: LonLat }[] = [
  { name: '驻马店', wgs: [114.0164322, 33.0133556], gcj: [114.022306, 33.0115324], bd: [114.0287781, 33.0176697] },
  { name: '荆门', wgs: [112.1935849, 31.0376011], gcj: [112.1994301, 31.0354012], bd: [112.2058231, 31.0417338] },
  { name: '沈阳', wgs: [123.4253306, 41.8032629], gcj: [123.4314787, 41.8057023], bd: [123.438095, 41.8114013] },
  { name: '那曲', wgs: [92.0499619, 31.4784436], gcj: [92.0512438, 31.4762063], bd: [92.0576832, 31.4824421] },
];

describe('WGS-84 to GCJ-02', () => {
  it('puts 天安门 where 高德 puts it, within a metre', () => {
    near(wgs84ToGcj02([116.39089, 39.90734]), [116.39713623, 39.90874539], METRE);
  });

  it.each(CITIES)('matches 高德 at $name within a metre', ({ wgs, gcj }) => {
    near(wgs84ToGcj02(wgs), gcj, METRE);
  });

  it('moves a point in China by hundreds of metres, not kilometres', () => {
    const [lon, lat] = wgs84ToGcj02([114.3, 30.5]);
    const dx = (lon - 114.3) * 111_320 * Math.cos((30.5 * Math.PI) / 180);
    const dy = (lat - 30.5) * 110_574;
    expect(Math.hypot(dx, dy)).toBeGreaterThan(100);
    expect(Math.hypot(dx, dy)).toBeLessThan(1000);
  });

  it('is the identity outside China', () => {
    expect(outOfChina([0, 0])).toBe(true);
    expect(wgs84ToGcj02([0, 0])).toEqual([0, 0]);
    expect(wgs84ToGcj02([13.405, 52.52])).toEqual([13.405, 52.52]); // Berlin
    expect(wgs84ToGcj02([-74.006, 40.7128])).toEqual([-74.006, 40.7128]); // New York
    expect(outOfChina([114.3, 30.5])).toBe(false);
  });
});

describe('GCJ-02 to BD-09', () => {
  it.each(CITIES)('matches 百度 at $name within a metre', ({ gcj, bd }) => {
    near(gcj02ToBd09(gcj), bd, METRE);
  });

  it('is the identity outside China', () => {
    expect(gcj02ToBd09([13.405, 52.52])).toEqual([13.405, 52.52]);
  });
});

describe('map app links', () => {
  const links = mapAppLinks([114.0164322, 33.0133556], '石门桥断面', 'webapp.hzz.example.org');

  it('gives 高德 GCJ-02 as lon,lat and says so', () => {
    const u = new URL(links.amap);
    expect(u.origin).toBe('https://uri.amap.com');
    expect(u.searchParams.get('coordinate')).toBe('gaode');
    const [lon, lat] = u.searchParams.get('position')!.split(',').map(Number) as LonLat;
    near([lon, lat], CITIES[0]!.gcj, METRE);
    expect(u.searchParams.get('name')).toBe('石门桥断面');
  });

  it('gives 百度 BD-09 as lat,lon and says so', () => {
    const u = new URL(links.baidu);
    expect(u.origin).toBe('https://api.map.baidu.com');
    expect(u.searchParams.get('coord_type')).toBe('bd09ll');
    const [lat, lon] = u.searchParams.get('location')!.split(',').map(Number) as LonLat;
    near([lon, lat], CITIES[0]!.bd, METRE);
    expect(u.searchParams.get('title')).toBe('石门桥断面');
    expect(u.searchParams.get('src')).toBe('webapp.hzz.example.org');
  });
});

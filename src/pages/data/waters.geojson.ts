/**
 * The waters' geometry as published: one GeoJSON FeatureCollection (RFC
 * 7946, so WGS-84 longitude/latitude, as the data contract's
 * geo/waters.geojson is) with each water's id, name, kind and level, and
 * the address of its page. Open data in its own right, and what the
 * "离我最近的河湖" button measures against in the browser
 * (src/components/map/NearestWaters.astro): the person's location is
 * compared with this file on their phone and never sent anywhere.
 */
import type { APIRoute } from 'astro';
import { getDb } from '../../data/query.ts';
import { pathWithBase } from '../../lib/base.ts';

export const GET: APIRoute = async () => {
  const db = await getDb();
  const features = [...db.geo]
    .filter(([id]) => db.waters.has(id))
    .map(([id, geometry]) => {
      const w = db.waters.get(id)!;
      return {
        type: 'Feature',
        properties: { id, name: w.name, kind: w.kind, level: w.level, url: pathWithBase(`/waters/${id}/`) },
        geometry,
      };
    });
  return new Response(JSON.stringify({ type: 'FeatureCollection', features }), {
    headers: { 'Content-Type': 'application/geo+json; charset=utf-8' },
  });
};

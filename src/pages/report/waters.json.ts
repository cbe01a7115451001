/**
 * The list the report form searches when a site has too many waters to
 * inline in the page (see components/report/waterChoices.ts): one row per
 * water as [id, name, townships, pinyin keys], in pinyin order. Fetched
 * by the form only when needed; about 50 bytes a water before gzip.
 */
import type { APIRoute } from 'astro';
import { getDb } from '../../data/query.ts';
import { JSON_TYPE } from '../../data/paths.ts';
import { waterChoices } from '../../components/report/waterChoices.ts';

export const GET: APIRoute = async () => {
  const { choices } = waterChoices(await getDb());
  const body = { fields: ['id', 'name', 'area', 'keys'], waters: choices.map((c) => [c.id, c.name, c.area, c.keys]) };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': JSON_TYPE } });
};

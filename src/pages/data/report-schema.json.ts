/**
 * /data/report-schema.json: the JSON Schema of a citizen's report, generated
 * at build time from the same zod schema the report form validates with
 * (src/lib/report.ts reportJsonSchema), so the receiving system checks
 * exactly what the browser checked.
 */
import type { APIRoute } from 'astro';
import { getDb } from '../../data/query.ts';
import { reportJsonSchema } from '../../lib/report.ts';

export const GET: APIRoute = async () => {
  const { site } = await getDb();
  const schema = reportJsonSchema(new URL('data/report-schema.json', site.url).href);
  return new Response(JSON.stringify(schema, null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};

import type { APIRoute, GetStaticPaths } from 'astro';
import { getDb } from '../../data/query.ts';
import { JSON_TYPE } from '../../data/paths.ts';
import { DATASETS, datasetsOf, rowsOf } from '../../data/opendata.ts';

export const getStaticPaths = (async () =>
  datasetsOf(await getDb()).map((ds) => ({
    params: { dataset: ds.name },
    props: { name: ds.name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const ds = DATASETS.find((d) => d.name === props.name)!;
  return new Response(JSON.stringify(rowsOf(await getDb(), ds)), {
    headers: { 'Content-Type': JSON_TYPE },
  });
};

/**
 * Where the page code hands the build's data files: the CSV, JSON and Atom
 * files published per water, station, township and tracking shard (tens of
 * thousands at city size) that are files a reader downloads, not pages.
 *
 * Rendered as Astro endpoints, each of them went through the whole page
 * machinery: a Request, the render, a Response read back as a stream, a
 * folder created and the file written, about as much work per file as a
 * page (docs/performance.md). In a build, their routes instead hand each
 * file's path and a function producing its text to the sink installed here
 * (src/loader/data-files.ts), and the integration writes them all at
 * `astro:build:done`: the same bytes, for the cost of making the text and
 * writing it. Under `astro dev` there is no sink and the routes serve each
 * file themselves (src/data/paths.ts dataFileRoute).
 *
 * The build hands the sink over through a build slot (build-slot.ts).
 */
import { buildSlot } from './build-slot.ts';

export interface DataFileSink {
  /** Publish the file at `path` (a site path without the base path), its text made by `body` when written. */
  add(path: string, body: () => string): void;
}

const slot = buildSlot<DataFileSink>('dataFileSink');

/** The sink of the running build; none in `astro dev` or outside a build. */
export const currentDataFileSink = slot.get;
export const setDataFileSink = slot.set;

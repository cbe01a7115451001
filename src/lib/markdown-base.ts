/**
 * A Markdown plugin (a hast plugin of Sätteri, Astro's Markdown processor)
 * that puts the base path (src/lib/base.ts) in front of the root-relative
 * links and images a policy document writes (`[问题台账](/cases/)`,
 * `![](/cases/media/x.jpg)`): the office writes them as if the site were at
 * the root of its host, like the site's own code does. astro.config.mjs
 * gives it to the Markdown processor, which MDX documents use too.
 *
 * Why a plugin of the processor and not MDX components for `a` and `img`:
 * it sees the HTML tree of `.md` and `.mdx` documents alike, at build time,
 * with reference-style links (`[x][ref]`) already resolved; components
 * reach only `.mdx`. The site's own MDX components (WaterLink, TargetValue)
 * write their links with pathWithBase.
 */
import { defineHastPlugin } from 'satteri';
import { joinBase } from './base.ts';

/** The attribute of each element that holds a site path. */
const URL_ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };

/** The rewrite of one element's attributes: the attribute and its new value, or null when it stays. */
export function baseAttribute(
  base: string,
  tagName: string,
  properties: Record<string, unknown>,
): [string, string] | null {
  const attr = URL_ATTRIBUTE[tagName];
  const value = attr ? properties[attr] : undefined;
  if (!attr || typeof value !== 'string') return null;
  const moved = joinBase(base, value);
  return moved === value ? null : [attr, moved];
}

export function markdownBase(base: string) {
  return defineHastPlugin({
    name: 'base-path',
    element: {
      filter: Object.keys(URL_ATTRIBUTE),
      visit(node, ctx) {
        const change = baseAttribute(base, node.tagName, node.properties);
        if (change) ctx.setProperty(node, change[0], change[1]);
      },
    },
  });
}

/**
 * HTML → Markdown for the Word import (scripts/import-docx.ts): mammoth's
 * HTML goes through the unified pipeline Astro's own Markdown is built on
 * (rehype-parse → rehype-remark → remark-gfm → remark-stringify): headings,
 * paragraphs, nested lists, GFM tables, bold, italic, strikethrough, links
 * and line breaks convert. What is ours:
 *
 * - the report of what could not be converted exactly (images, sub- and
 *   superscripts, merged cells, nested tables, unsafe or in-document links,
 *   any other element), so nothing is lost silently;
 * - the link policy of the site's document check (src/loader/document-body.ts):
 *   only http(s), mailto: and tel: links stay links, the others keep their text;
 * - output that is valid MDX as well as Markdown: `{` and `<` in text are
 *   escaped, and so is a line that would start an `import`/`export` statement;
 * - Word's conventions: a table without a header row takes its first row as
 *   the header, lists are tight, and a paragraph break inside a table cell
 *   becomes a space;
 * - bold or italic that begins or ends with punctuation next to a letter
 *   (`**重点：**全乡`), which CommonMark cannot close or open: the punctuation
 *   moves outside the markers (`**重点**：全乡`) so that the file stays
 *   readable, instead of the serializer's character references (`&#x5168;`).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes, PhrasingContent, Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';

export interface ConversionResult {
  markdown: string;
  /** What could not be converted exactly, e.g. "img（图片未导入） ×2". */
  unsupported: string[];
}

/** Elements the pipeline converts exactly; any other is reported by name (its text is kept). */
const CONVERTED = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li table thead tbody tfoot tr th td strong b em i s del strike a br span blockquote hr pre code'.split(
    ' ',
  ),
);
const SAFE_LINK = /^(https?|mailto|tel):/i;

type Note = (what: string) => void;
type HastParent = HastRoot | Element;

/** Report, and drop or unwrap, what the Markdown must not or cannot carry; shape Word's tables. */
function audit(parent: HastParent, note: Note, inTable = false): void {
  const out: HastContent[] = [];
  for (const node of parent.children) {
    if (node.type === 'comment' || node.type === 'doctype') continue; // an HTML comment is not valid MDX
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    const tag = node.tagName;
    if (tag === 'img') {
      note('img（图片未导入）');
      continue;
    }
    audit(node, note, inTable || tag === 'table');
    if (tag === 'a') {
      const href = String(node.properties.href ?? '').trim();
      if (SAFE_LINK.test(href)) node.properties.href = href;
      else {
        // A bookmark (no href) silently; in-document anchors and other schemes (javascript:, file: …) with a note.
        if (href)
          note(
            href.startsWith('#')
              ? 'a（文内链接，仅保留文字）'
              : `a（不安全或无效的链接“${href.slice(0, 40)}”，仅保留文字）`,
          );
        out.push(...node.children);
        continue;
      }
    } else if (tag === 'sup' || tag === 'sub') note(`${tag}（上下标，仅保留文字）`);
    else if (tag === 'table') {
      if (inTable) note('table（嵌套表格，已展开为文字）');
      else headerRow(node);
    } else if (tag === 'td' || tag === 'th') {
      if (Number(node.properties.rowSpan ?? 1) > 1) note('rowspan（纵向合并单元格，已拆开）');
      if (Number(node.properties.colSpan ?? 1) > 1) note('colspan（横向合并单元格，已拆开）');
      if (node.children.some((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')))
        note('list（表格中的列表，已展开为文字）');
      node.children = cellLine(node.children);
    } else if (!CONVERTED.has(tag)) note(tag);
    out.push(node);
  }
  parent.children = out as typeof parent.children;
}

/** A GFM cell is one line: its paragraphs, list items and a nested table's cells, separated by line breaks (a space in the cell). */
const CELL_BLOCKS = new Set(
  'p div blockquote pre h1 h2 h3 h4 h5 h6 ul ol li table thead tbody tfoot tr td th'.split(' '),
);
function cellLine(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const c of children) {
    if (c.type !== 'element' || !CELL_BLOCKS.has(c.tagName)) out.push(c);
    else {
      const inner = cellLine(c.children);
      if (out.length && inner.length) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
      out.push(...inner);
    }
  }
  return out;
}

const rowsOf = (n: Element): Element[] =>
  n.children.flatMap((c) =>
    c.type !== 'element'
      ? []
      : c.tagName === 'tr'
        ? [c]
        : ['thead', 'tbody', 'tfoot'].includes(c.tagName)
          ? rowsOf(c)
          : [],
  );

/** Word marks few header rows: a table without one takes its first row as the header, as a reader does. */
function headerRow(table: Element): void {
  const first = rowsOf(table)[0];
  const hasHead = table.children.some((c) => c.type === 'element' && c.tagName === 'thead');
  if (!first || hasHead || first.children.some((c) => c.type === 'element' && c.tagName === 'th')) return;
  for (const c of first.children) if (c.type === 'element' && c.tagName === 'td') c.tagName = 'th';
}

/** Unicode punctuation and symbols, as CommonMark's flanking rules count them, at the end or start of a text; and a letter. */
const PUNCT_END = /[\p{P}\p{S}]+$/u;
const PUNCT_START = /^[\p{P}\p{S}]+/u;
const LETTER = /[^\s\p{P}\p{S}]/u;

/** Tight lists, and bold/italic/strikethrough boundaries a CommonMark reader can see (see the module comment). */
function tidy(node: MdastNodes): void {
  if (node.type === 'list' || node.type === 'listItem') node.spread = false;
  if (!('children' in node)) return;
  const kids = node.children as MdastNodes[];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    tidy(k);
    if ((k.type === 'paragraph' || k.type === 'heading') && k.children.length === 0) {
      kids.splice(i--, 1);
      continue;
    }
    if (k.type !== 'strong' && k.type !== 'emphasis' && k.type !== 'delete') continue;
    const [prev, next, head, tail] = [kids[i - 1], kids[i + 1], k.children[0], k.children.at(-1)];
    const closes = !(
      tail?.type === 'text' &&
      PUNCT_END.test(tail.value) &&
      next?.type === 'text' &&
      LETTER.test(next.value[0] ?? '')
    );
    const opens = !(
      head?.type === 'text' &&
      PUNCT_START.test(head.value) &&
      prev?.type === 'text' &&
      LETTER.test(prev.value.at(-1) ?? '')
    );
    if (opens && closes) continue;
    // Move the punctuation at both ends out, so that pairs stay together: 达标（*试行*）.
    const lead = head?.type === 'text' ? (PUNCT_START.exec(head.value)?.[0] ?? '') : '';
    if (head?.type === 'text') head.value = head.value.slice(lead.length);
    const trail = tail?.type === 'text' ? (PUNCT_END.exec(tail.value)?.[0] ?? '') : '';
    if (tail?.type === 'text') tail.value = tail.value.slice(0, tail.value.length - trail.length);
    if (trail) kids.splice(i + 1, 0, { type: 'text', value: trail });
    if (lead) kids.splice(i++, 0, { type: 'text', value: lead });
    k.children = k.children.filter((c: PhrasingContent) => c.type !== 'text' || c.value !== '');
    if (k.children.length === 0) kids.splice(i--, 1);
  }
  // Merge the text that hoisting left side by side, so the serializer sees one run.
  for (let i = kids.length - 1; i > 0; i--) {
    const [a, b] = [kids[i - 1]!, kids[i]!];
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      kids.splice(i, 1);
    }
  }
}

const STRINGIFY: StringifyOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  // MDX reads `{` as an expression and `<` as a tag anywhere in text, and `import`/`export` at a line start as code.
  unsafe: [
    { character: '{', inConstruct: 'phrasing' },
    { character: '{', atBreak: true },
    { character: '<', inConstruct: 'phrasing' },
    { character: '<', atBreak: true },
    { character: 'i', atBreak: true, after: 'mport\\s' },
    { character: 'e', atBreak: true, after: 'xport\\s' },
  ],
};

/** Convert HTML to Markdown (valid MDX too), reporting what was not converted exactly. */
export function htmlToMarkdown(html: string): ConversionResult {
  const notes = new Map<string, number>();
  const note: Note = (what) => notes.set(what, (notes.get(what) ?? 0) + 1);
  const markdown = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot) => audit(tree, note))
    .use(rehypeRemark, { handlers: { u: (state, node) => state.all(node) } }) // underline is not emphasis
    .use(() => (tree: MdastRoot) => tidy(tree))
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, STRINGIFY)
    .processSync(html)
    .toString();
  return {
    markdown: markdown.trim() ? markdown : '',
    unsupported: [...notes].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)),
  };
}

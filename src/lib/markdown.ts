/**
 * HTML → Markdown for the Word import (scripts/import-docx.ts): the small,
 * well-formed HTML that mammoth writes. Supported: h1–h6, p, ol/ul (nested),
 * li, table/thead/tbody/tr/th/td (→ GFM pipe table), strong/b, em/i, a[href],
 * br. Everything else keeps its text and is reported, so nothing is lost
 * silently. Pure functions, no dependencies.
 */

export interface HtmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HtmlNode | string)[];
}

const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Parse HTML into a tree under a root node (tag ''). Tolerates unclosed tags by closing up to the matching opener. */
export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: '', attrs: {}, children: [] };
  const stack: HtmlNode[] = [root];
  const re = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.children.push(decodeEntities(m[5]));
      continue;
    }
    if (!m[2]) continue; // comment
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const i = stack.map((n) => n.tag).lastIndexOf(tag);
      if (i > 0) stack.length = i;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const node: HtmlNode = { tag, attrs, children: [] };
    top.children.push(node);
    if (!m[4] && !VOID.has(tag)) stack.push(node);
  }
  return root;
}

export interface ConversionResult {
  markdown: string;
  /** What could not be converted exactly, e.g. "img ×2（图片未导入）". */
  unsupported: string[];
}

/** Escape characters that Markdown would read as markup. */
export function escapeText(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'div', 'pre', 'hr']);

class Converter {
  unsupported = new Map<string, number>();

  note(what: string): void {
    this.unsupported.set(what, (this.unsupported.get(what) ?? 0) + 1);
  }

  /** Inline content of a node, as one line (newlines become spaces unless `br` is allowed). */
  inline(nodes: (HtmlNode | string)[], inTable = false): string {
    let out = '';
    for (const n of nodes) {
      if (typeof n === 'string') {
        out += escapeText(n.replace(/\s+/g, ' '));
        continue;
      }
      switch (n.tag) {
        case 'strong':
        case 'b': {
          const t = this.inline(n.children, inTable).trim();
          out += t ? `**${t}**` : '';
          break;
        }
        case 'em':
        case 'i': {
          const t = this.inline(n.children, inTable).trim();
          out += t ? `*${t}*` : '';
          break;
        }
        case 'a': {
          const t = this.inline(n.children, inTable);
          const href = n.attrs.href;
          if (href && /^(https?|mailto|tel):/i.test(href.trim())) out += `[${t}](${href.trim().replace(/[()\s]/g, encodeURIComponent)})`;
          else {
            // In-document anchors, and any scheme but http(s), mailto and tel (javascript:, file:, data: …): text only.
            if (href) this.note(href.startsWith('#') ? 'a（文内链接，仅保留文字）' : `a（不安全或无效的链接“${href.slice(0, 40)}”，仅保留文字）`);
            out += t;
          }
          break;
        }
        case 'br':
          out += inTable ? ' ' : '  \n';
          break;
        case 'img':
          this.note('img（图片未导入）');
          break;
        case 'sup':
        case 'sub':
          this.note(`${n.tag}（上下标，仅保留文字）`);
          out += this.inline(n.children, inTable);
          break;
        case 'span':
          out += this.inline(n.children, inTable);
          break;
        case 'p':
          // a paragraph inside a cell or list item: separate by a space
          out += ` ${this.inline(n.children, inTable).trim()} `;
          break;
        default:
          if (BLOCKS.has(n.tag) || n.tag === 'li') out += ` ${this.inline(n.children, inTable).trim()} `;
          else {
            this.note(n.tag);
            out += this.inline(n.children, inTable);
          }
      }
    }
    return out;
  }

  list(node: HtmlNode, depth: number): string[] {
    const ordered = node.tag === 'ol';
    const lines: string[] = [];
    let i = 0;
    for (const li of node.children) {
      if (typeof li === 'string') {
        if (li.trim()) lines.push(`${'   '.repeat(depth)}${escapeText(li.trim())}`);
        continue;
      }
      if (li.tag !== 'li') {
        if (li.tag === 'ol' || li.tag === 'ul') lines.push(...this.list(li, depth + 1));
        else this.note(`${li.tag}（列表中）`);
        continue;
      }
      i++;
      const marker = ordered ? `${i}. ` : '- ';
      const indent = '   '.repeat(depth);
      const inlineParts: (HtmlNode | string)[] = [];
      const nested: HtmlNode[] = [];
      for (const c of li.children) {
        if (typeof c !== 'string' && (c.tag === 'ol' || c.tag === 'ul')) nested.push(c);
        else if (typeof c !== 'string' && c.tag === 'table') {
          this.note('table（列表中的表格，已展开为文字）');
          inlineParts.push(c);
        } else inlineParts.push(c);
      }
      lines.push(`${indent}${marker}${this.inline(inlineParts).replace(/\s+/g, ' ').trim()}`);
      for (const n of nested) lines.push(...this.list(n, depth + 1));
    }
    return lines;
  }

  table(node: HtmlNode): string {
    const rows: HtmlNode[] = [];
    const collect = (n: HtmlNode) => {
      for (const c of n.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') collect(c);
        else if (c.tag === 'table') this.note('table（嵌套表格，已展开为文字）');
      }
    };
    collect(node);
    if (rows.length === 0) return '';
    const cells = rows.map((r) =>
      r.children
        .filter((c): c is HtmlNode => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
        .flatMap((c) => {
          const text = this.inline(c.children, true).replace(/\s+/g, ' ').trim();
          const span = Number(c.attrs.colspan ?? 1);
          if (c.attrs.rowspan && Number(c.attrs.rowspan) > 1) this.note('rowspan（纵向合并单元格，已拆开）');
          if (span > 1) {
            this.note('colspan（横向合并单元格，已拆开）');
            return [text, ...Array<string>(span - 1).fill('')];
          }
          return [text];
        }),
    );
    const width = Math.max(...cells.map((r) => r.length));
    const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] || ' ').join(' | ')} |`;
    return [line(cells[0]!), `| ${Array<string>(width).fill('---').join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
  }

  blocks(nodes: (HtmlNode | string)[]): string[] {
    const out: string[] = [];
    let pending: (HtmlNode | string)[] = [];
    const flush = () => {
      const t = this.inline(pending).trim();
      if (t) out.push(t);
      pending = [];
    };
    for (const n of nodes) {
      if (typeof n === 'string' || !BLOCKS.has(n.tag)) {
        pending.push(n);
        continue;
      }
      flush();
      const h = /^h([1-6])$/.exec(n.tag);
      if (h) {
        const t = this.inline(n.children).replace(/\s+/g, ' ').trim();
        if (t) out.push(`${'#'.repeat(Number(h[1]))} ${t}`);
      } else if (n.tag === 'p') {
        const t = this.inline(n.children).trim();
        if (t) out.push(t.replace(/^(\d+)\. /, '$1\\. ').replace(/^([#+-]) /, '\\$1 '));
      } else if (n.tag === 'ul' || n.tag === 'ol') {
        out.push(this.list(n, 0).join('\n'));
      } else if (n.tag === 'table') {
        const t = this.table(n);
        if (t) out.push(t);
      } else if (n.tag === 'blockquote') {
        out.push(
          this.blocks(n.children)
            .join('\n\n')
            .split('\n')
            .map((l) => `> ${l}`.trimEnd())
            .join('\n'),
        );
      } else if (n.tag === 'hr') {
        out.push('---');
      } else {
        this.note(n.tag);
        out.push(...this.blocks(n.children));
      }
    }
    flush();
    return out;
  }
}

/** Convert HTML to Markdown, reporting what was not converted exactly. */
export function htmlToMarkdown(html: string): ConversionResult {
  const c = new Converter();
  const md = c.blocks(parseHtml(html).children).join('\n\n');
  return { markdown: md ? `${md}\n` : '', unsupported: [...c.unsupported].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)) };
}

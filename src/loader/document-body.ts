/**
 * The body of a policy document (documents/*.md|mdx) is data, not code.
 * An MDX file is a program: an `import` or `export` line, a `{…}`
 * expression or an unknown tag would run at build time or in the reader's
 * browser (one read a file of the build machine and published it). So a
 * document may use Markdown and the project's own components, with plain
 * attribute values only; nothing else:
 *
 * - MDX: `import`/`export`, expressions (other than `{/* comments *\/}`),
 *   tags other than MDX_COMPONENTS, attributes they do not take, spread
 *   attributes, and attribute expressions other than literal data
 *   (strings, numbers, arrays and objects of them: TaskTable's rows) are
 *   refused.
 * - .md: raw HTML is refused (a <meta http-equiv="refresh"> navigated
 *   away; an <img onerror> ran script); HTML comments are kept out of the
 *   page by the renderer and allowed.
 * - Links only to http(s), mailto: and tel: or to a path of the site;
 *   images only from the site.
 *
 * The body is parsed with the parser Astro renders it with (satteri), so
 * what is checked is what is built; an MDX syntax error is reported at its
 * line and column instead of failing the build with a stack trace.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parseExpression } from '@babel/parser';

/** The components a document may use, and the attributes each takes (src/components/mdx/index.ts). */
export const MDX_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  WaterLink: ['id'],
  TargetValue: ['id', 'show'],
  TaskTable: ['caption', 'rows'],
};

/** An id a component refers to, and where. */
export interface ComponentRef {
  component: 'WaterLink' | 'TargetValue';
  id: string;
  line: number;
  column: number;
}

export interface BodyProblem {
  line?: number;
  column?: number;
  value?: string;
  zh: string;
  en: string;
}

interface Node {
  type: string;
  value?: unknown;
  url?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number; offset?: number } };
}

const SAFE_SCHEME = /^(https?|mailto|tel):/i;
/** A URL with a scheme: letters, digits, + - . then a colon, before any / ? or #. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const COMMENT = /^\s*\/\*[\s\S]*?\*\/\s*$/;
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Whether an attribute expression is literal data: strings, numbers, booleans, null, arrays and objects of them. */
export function isLiteralData(source: string): boolean {
  let ast;
  try {
    ast = parseExpression(source, { errorRecovery: false });
  } catch {
    return false;
  }
  const ok = (n: { type: string; [k: string]: unknown } | null | undefined): boolean => {
    if (!n) return false;
    switch (n.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
        return true;
      case 'TemplateLiteral':
        return (n.expressions as unknown[]).length === 0;
      case 'UnaryExpression':
        return n.operator === '-' && (n.argument as { type: string }).type === 'NumericLiteral';
      case 'ArrayExpression':
        return (n.elements as (typeof n)[]).every((e) => e !== null && ok(e));
      case 'ObjectExpression':
        return (n.properties as (typeof n)[]).every(
          (p) =>
            p.type === 'ObjectProperty' &&
            !p.computed &&
            !p.shorthand &&
            ['Identifier', 'StringLiteral', 'NumericLiteral'].includes((p.key as { type: string }).type) &&
            ok(p.value as typeof n),
        );
      default:
        return false;
    }
  };
  return ok(ast as unknown as { type: string });
}

/** Line and column of an id attribute's value (where a clerk fixes it); the element's start if not found. */
function valueAt(text: string, n: Node, value: string): { line: number; column: number } {
  const start = n.position?.start;
  const from = start?.offset ?? 0;
  const m = new RegExp(`\\bid\\s*=\\s*(["'])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`).exec(text.slice(from));
  if (!m) return { line: start?.line ?? 0, column: start?.column ?? 0 };
  const at = from + m.index + m[0].length - value.length - 1;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** Check a document's text (frontmatter included, so lines are the file's). */
export function checkDocumentBody(text: string, kind: 'md' | 'mdx'): { problems: BodyProblem[]; refs: ComponentRef[] } {
  const problems: BodyProblem[] = [];
  const refs: ComponentRef[] = [];
  let tree: Node;
  try {
    tree = (kind === 'mdx' ? mdxToMdast(text, { position: true } as never) : markdownToMdast(text, { position: true } as never)) as unknown as Node;
  } catch (e) {
    const msg = (e as Error).message;
    const at = /^(\d+):(\d+):\s*(.*)$/s.exec(msg);
    problems.push({
      line: at ? Number(at[1]) : undefined,
      column: at ? Number(at[2]) : undefined,
      zh: `MDX 语法错误：${at ? at[3] : msg}（普通文字中的 < 和 { 须写作 \\< 和 \\{，或把文件改为 .md）`,
      en: `MDX syntax error: ${at ? at[3] : msg}; expected valid MDX (write a literal < or { as \\< or \\{, or use .md)`,
    });
    return { problems, refs };
  }
  const at = (n: Node) => ({ line: n.position?.start.line, column: n.position?.start.column });
  const walk = (n: Node) => {
    switch (n.type) {
      case 'mdxjsEsm':
        problems.push({ ...at(n), value: short(String(n.value)), zh: '文档中不能有 import 或 export 语句：文档只能使用本站提供的组件（WaterLink、TargetValue、TaskTable），无需导入', en: 'import/export is not allowed in a document: expected only the site\'s own components, which need no import' });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!COMMENT.test(String(n.value))) problems.push({ ...at(n), value: short(`{${String(n.value)}}`), zh: '文档中不能有 {…} 表达式（会在生成网站时运行）：普通文字中的 { 请写作 \\{', en: 'a {…} expression is not allowed in a document (it runs at build time): expected text; write a literal { as \\{' });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = n.name ?? '';
        const allowed = MDX_COMPONENTS[name];
        if (!allowed) {
          problems.push({ ...at(n), value: `<${name}>`, zh: `文档中不能使用 <${name}> 标签：只能使用 Markdown 和本站组件 ${Object.keys(MDX_COMPONENTS).join('、')}`, en: `<${name}> is not allowed in a document: expected Markdown or one of ${Object.keys(MDX_COMPONENTS).join(', ')}` });
          return;
        }
        for (const a of n.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) {
            problems.push({ ...at(n), value: short(String(a.value)), zh: `<${name}> 中不能使用展开属性 {…}`, en: `<${name}> takes no spread attribute {…}` });
            continue;
          }
          if (!allowed.includes(a.name)) {
            problems.push({ ...at(n), value: a.name, zh: `<${name}> 没有属性 ${a.name}：可用的属性为 ${allowed.join('、')}`, en: `<${name}> has no attribute ${a.name}: expected ${allowed.join(', ')}` });
            continue;
          }
          const v = a.value as string | { type: string; value: string } | null | undefined;
          if (v && typeof v === 'object' && !isLiteralData(v.value)) {
            problems.push({ ...at(n), value: short(`${a.name}={${v.value}}`), zh: `<${name}> 的属性 ${a.name} 只能是文字、数字或由它们组成的列表、对象，不能含变量、函数调用等代码`, en: `attribute ${a.name} of <${name}> must be literal data (strings, numbers, arrays and objects of them), not code` });
            continue;
          }
          if (a.name === 'id' && (name === 'WaterLink' || name === 'TargetValue') && typeof v === 'string') {
            refs.push({ component: name, id: v, ...valueAt(text, n, v) });
          }
        }
        break;
      }
      case 'html':
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(String(n.value))) {
          problems.push({ ...at(n), value: short(String(n.value)), zh: '文档中不能直接写 HTML 标签：请改用 Markdown 写法（标题用 #，加粗用 **，链接用 [文字](网址)）', en: 'raw HTML is not allowed in a document: expected Markdown' });
        }
        return;
      case 'link':
      case 'definition':
        if (n.url && HAS_SCHEME.test(n.url) && !SAFE_SCHEME.test(n.url)) {
          problems.push({ ...at(n), value: short(n.url), zh: '链接只能指向 http://、https://、mailto:、tel: 网址或本站页面', en: 'a link must be http(s), mailto: or tel:, or a path of this site' });
        }
        break;
      case 'image':
        if (n.url && (HAS_SCHEME.test(n.url) || n.url.startsWith('//'))) {
          problems.push({ ...at(n), value: short(n.url), zh: '图片只能引用本站的文件（本站不从其他网站加载任何内容）', en: 'an image must be a file of this site (the site loads nothing from elsewhere)' });
        }
        break;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return { problems, refs };
}

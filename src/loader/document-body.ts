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
import { isValidDate } from '../lib/dates.ts';
import type { PlanTask } from '../lib/plans.ts';

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

type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };
type Ast = { type: string; [k: string]: unknown };
const NOT_LITERAL = Symbol('not literal data');

/** The value of a literal-data AST node, or NOT_LITERAL for anything that is code. */
function valueOf(n: Ast | null | undefined): Literal | typeof NOT_LITERAL {
  if (!n) return NOT_LITERAL;
  switch (n.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return n.value as string | number | boolean;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      return (n.expressions as unknown[]).length === 0
        ? (n.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join('')
        : NOT_LITERAL;
    case 'UnaryExpression':
      return n.operator === '-' && (n.argument as Ast).type === 'NumericLiteral'
        ? -((n.argument as Ast).value as number)
        : NOT_LITERAL;
    case 'ArrayExpression': {
      const out: Literal[] = [];
      for (const e of n.elements as (Ast | null)[]) {
        const v = valueOf(e);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out.push(v);
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: { [key: string]: Literal } = {};
      for (const p of n.properties as Ast[]) {
        const key = p.key as Ast;
        if (
          p.type !== 'ObjectProperty' ||
          p.computed ||
          p.shorthand ||
          !['Identifier', 'StringLiteral', 'NumericLiteral'].includes(key.type)
        )
          return NOT_LITERAL;
        const v = valueOf(p.value as Ast);
        if (v === NOT_LITERAL) return NOT_LITERAL;
        out[String(key.type === 'Identifier' ? key.name : key.value)] = v;
      }
      return out;
    }
    default:
      return NOT_LITERAL;
  }
}

/** The value of an attribute expression that is literal data (strings, numbers, booleans, null, arrays and objects of them), else undefined. */
export function literalData(source: string): Literal | undefined {
  try {
    const v = valueOf(parseExpression(source, { errorRecovery: false }) as unknown as Ast);
    return v === NOT_LITERAL ? undefined : v;
  } catch {
    return undefined;
  }
}

/** Whether an attribute expression is literal data: strings, numbers, booleans, null, arrays and objects of them. */
export function isLiteralData(source: string): boolean {
  return literalData(source) !== undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

/**
 * What is wrong with TaskTable's rows: a list of { task, lead, support?,
 * deadline?, done? }, where done (the date the task was completed) is a
 * date, so the site can tell done, due and overdue tasks apart.
 */
function taskRowProblems(rows: Literal | undefined): { value?: string; zh: string; en: string }[] {
  if (!Array.isArray(rows))
    return [
      {
        zh: '<TaskTable> 的 rows 应为任务列表：rows={[{ task: …, lead: … }, …]}',
        en: '<TaskTable> rows must be a list of tasks: rows={[{ task, lead }, …]}',
      },
    ];
  const out: { value?: string; zh: string; en: string }[] = [];
  rows.forEach((r, i) => {
    const n = i + 1;
    if (!r || typeof r !== 'object' || Array.isArray(r) || !isText(r.task) || !isText(r.lead)) {
      out.push({
        zh: `<TaskTable> 第 ${n} 项应含任务 task 和牵头单位 lead（文字）`,
        en: `<TaskTable> row ${n} needs task and lead (text)`,
      });
      return;
    }
    const support = r.support;
    if (support !== undefined && !isText(support) && !(Array.isArray(support) && support.every(isText))) {
      out.push({
        zh: `<TaskTable> 第 ${n} 项的配合单位 support 应为文字或文字列表`,
        en: `<TaskTable> row ${n}: support must be text or a list of texts`,
      });
    }
    if (r.deadline !== undefined && !isText(r.deadline))
      out.push({
        zh: `<TaskTable> 第 ${n} 项的完成时限 deadline 应为日期 YYYY-MM-DD 或文字（如 长期坚持）`,
        en: `<TaskTable> row ${n}: deadline must be a date YYYY-MM-DD or a text`,
      });
    if (r.done !== undefined && !(typeof r.done === 'string' && DATE.test(r.done) && isValidDate(r.done))) {
      out.push({
        value: String(r.done),
        zh: `<TaskTable> 第 ${n} 项的完成日期 done 应为 YYYY-MM-DD 格式的真实日期`,
        en: `<TaskTable> row ${n}: done must be a real date YYYY-MM-DD`,
      });
    }
  });
  return out;
}

/**
 * The key tasks of a document (its TaskTable rows that pass the checks
 * above), in document order, for /targets/ and the plan timeline.
 */
export function planTasksOf(text: string, kind: 'md' | 'mdx'): PlanTask[] {
  if (kind !== 'mdx' || !text.includes('<TaskTable')) return [];
  let tree: Node;
  try {
    tree = mdxToMdast(text) as unknown as Node;
  } catch {
    return [];
  }
  const tasks: PlanTask[] = [];
  const walk = (n: Node) => {
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'TaskTable') {
      const attr = (n.attributes ?? []).find((a) => a.name === 'rows')?.value as { value: string } | undefined;
      const rows = attr && typeof attr === 'object' ? literalData(attr.value) : undefined;
      if (taskRowProblems(rows).length === 0) tasks.push(...(rows as unknown as PlanTask[]));
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return tasks;
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
    tree = (kind === 'mdx'
      ? mdxToMdast(text, { position: true } as never)
      : markdownToMdast(text, { position: true } as never)) as unknown as Node;
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
        problems.push({
          ...at(n),
          value: short(String(n.value)),
          zh: '文档中不能有 import 或 export 语句：文档只能使用本站提供的组件（WaterLink、TargetValue、TaskTable），无需导入',
          en: "import/export is not allowed in a document: expected only the site's own components, which need no import",
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!COMMENT.test(String(n.value)))
          problems.push({
            ...at(n),
            value: short(`{${String(n.value)}}`),
            zh: '文档中不能有 {…} 表达式（会在生成网站时运行）：普通文字中的 { 请写作 \\{',
            en: 'a {…} expression is not allowed in a document (it runs at build time): expected text; write a literal { as \\{',
          });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = n.name ?? '';
        const allowed = MDX_COMPONENTS[name];
        if (!allowed) {
          problems.push({
            ...at(n),
            value: `<${name}>`,
            zh: `文档中不能使用 <${name}> 标签：只能使用 Markdown 和本站组件 ${Object.keys(MDX_COMPONENTS).join('、')}`,
            en: `<${name}> is not allowed in a document: expected Markdown or one of ${Object.keys(MDX_COMPONENTS).join(', ')}`,
          });
          return;
        }
        for (const a of n.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || !a.name) {
            problems.push({
              ...at(n),
              value: short(String(a.value)),
              zh: `<${name}> 中不能使用展开属性 {…}`,
              en: `<${name}> takes no spread attribute {…}`,
            });
            continue;
          }
          if (!allowed.includes(a.name)) {
            problems.push({
              ...at(n),
              value: a.name,
              zh: `<${name}> 没有属性 ${a.name}：可用的属性为 ${allowed.join('、')}`,
              en: `<${name}> has no attribute ${a.name}: expected ${allowed.join(', ')}`,
            });
            continue;
          }
          const v = a.value as string | { type: string; value: string } | null | undefined;
          if (v && typeof v === 'object' && !isLiteralData(v.value)) {
            problems.push({
              ...at(n),
              value: short(`${a.name}={${v.value}}`),
              zh: `<${name}> 的属性 ${a.name} 只能是文字、数字或由它们组成的列表、对象，不能含变量、函数调用等代码`,
              en: `attribute ${a.name} of <${name}> must be literal data (strings, numbers, arrays and objects of them), not code`,
            });
            continue;
          }
          if (name === 'TaskTable' && a.name === 'rows') {
            const rows = v && typeof v === 'object' ? literalData(v.value) : undefined;
            for (const why of taskRowProblems(rows)) problems.push({ ...at(n), ...why });
          }
          if (a.name === 'id' && (name === 'WaterLink' || name === 'TargetValue') && typeof v === 'string') {
            refs.push({ component: name, id: v, ...valueAt(text, n, v) });
          }
        }
        break;
      }
      case 'html':
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(String(n.value))) {
          problems.push({
            ...at(n),
            value: short(String(n.value)),
            zh: '文档中不能直接写 HTML 标签：请改用 Markdown 写法（标题用 #，加粗用 **，链接用 [文字](网址)）',
            en: 'raw HTML is not allowed in a document: expected Markdown',
          });
        }
        return;
      case 'link':
      case 'definition':
        if (n.url && HAS_SCHEME.test(n.url) && !SAFE_SCHEME.test(n.url)) {
          problems.push({
            ...at(n),
            value: short(n.url),
            zh: '链接只能指向 http://、https://、mailto:、tel: 网址或本站页面',
            en: 'a link must be http(s), mailto: or tel:, or a path of this site',
          });
        }
        break;
      case 'image':
        if (n.url && (HAS_SCHEME.test(n.url) || n.url.startsWith('//'))) {
          problems.push({
            ...at(n),
            value: short(n.url),
            zh: '图片只能引用本站的文件（本站不从其他网站加载任何内容）',
            en: 'an image must be a file of this site (the site loads nothing from elsewhere)',
          });
        }
        break;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return { problems, refs };
}

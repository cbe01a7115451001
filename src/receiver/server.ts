/**
 * The receiver's HTTP side (docs/receiver-interface.md): POST /reports as
 * JSON (the form with JavaScript) or multipart/form-data (the form
 * without), the CORS preflight for the site's origins only, GET /health.
 *
 * Order of the checks on a report: the Origin (403), the address's rate
 * (429), the content type (415), the body size while it is read (413),
 * then the honeypot, the schema and the photos (400), then the store: a new
 * reference is answered 201 only after its row is committed, a repeat of
 * the same reference and content 200 with the first receipt, the same
 * reference with other content 409. Anything failing in the store is a 503:
 * the form keeps its draft and tries again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { newReference } from '../lib/report.ts';
import type { ReceiverConfig } from './config.ts';
import { jsonIntake, multipartIntake, type FieldProblem, type Intake } from './intake.ts';
import { errorsPage, problemPage, receiptPage } from './pages.ts';
import { RateLimiter } from './rate-limit.ts';
import type { ReportStore } from './store.ts';

type Kind = 'json' | 'form';

interface Answer {
  status: number;
  /** JSON body, or the page for a form post. */
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
  /** Shown in the log line (a reference, "honeypot" …); never personal data. */
  note?: string;
}

/** The client's address: the socket's, or with `trustProxy` the last X-Forwarded-For entry (the one the office's proxy added). */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  return (forwarded ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface ReceiverOptions {
  config: ReceiverConfig;
  store: ReportStore;
  /** One line per request. */
  log?: (line: string) => void;
  /** Errors of the store, for the operator. */
  logError?: (line: string) => void;
}

export function createReceiver({
  config,
  store,
  log = console.log,
  logError = console.error,
}: ReceiverOptions): Server {
  const limiter = new RateLimiter(config.rate);
  const allowed = new Set(config.origins);
  /**
   * Where the pages of a form post link back to: the site the form came
   * from (under --site's path when it is that site), else the first origin.
   */
  const siteOf = (origin: string | undefined) => {
    const from = origin && allowed.has(origin) ? origin : config.origins[0]!;
    return config.site && new URL(config.site).origin === from ? config.site : `${from}/`;
  };

  /** A reference no stored report has (for form posts, which carry none). */
  const freshRef = (): string => {
    for (;;) {
      const ref = newReference();
      if (!store.find(ref)) return ref;
    }
  };

  function send(res: ServerResponse, a: Answer, kind: Kind | undefined, origin: string | undefined): void {
    const headers: Record<string, string> = { ...SECURITY_HEADERS, ...a.headers };
    let body: string | undefined;
    if (kind === 'form' && a.html !== undefined) {
      headers['Content-Type'] = 'text/html; charset=utf-8';
      headers['Content-Security-Policy'] = PAGE_CSP;
      body = a.html;
    } else if (a.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(a.json);
    }
    if (origin && allowed.has(origin)) headers['Access-Control-Allow-Origin'] = origin;
    res.writeHead(a.status, headers);
    res.end(body);
  }

  /** A problem other than a field error, as JSON `{ error }` or a page. */
  const problem = (status: number, title: string, text: string, site: string, extra: Partial<Answer> = {}): Answer => ({
    status,
    json: { error: text },
    html: problemPage(title, text, site),
    ...extra,
  });

  /**
   * Read the body up to `max` bytes; null when it is larger. The rest of a
   * too-large body is read and dropped (so the client can read the 413
   * instead of a reset connection), up to `max` more bytes, then the
   * connection is closed.
   */
  function readBody(req: IncomingMessage, max: number): Promise<Buffer<ArrayBuffer> | null> {
    return new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      const chunks: Buffer[] = [];
      let size = 0;
      let over = Number.isFinite(declared) && declared > max;
      let dropped = 0;
      if (over) resolve(null);
      req.on('data', (c: Buffer) => {
        if (over) {
          dropped += c.length;
          if (dropped > max) req.socket.destroy();
          return;
        }
        size += c.length;
        if (size > max) {
          over = true;
          chunks.length = 0;
          resolve(null);
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (!over) resolve(Buffer.concat(chunks));
      });
      req.on('error', reject);
    });
  }

  async function post(
    req: IncomingMessage,
    origin: string | undefined,
    address: string,
  ): Promise<{ answer: Answer; kind: Kind | undefined }> {
    const type = mediaType(req.headers['content-type']);
    const kind: Kind | undefined =
      type === 'application/json' ? 'json' : type === 'multipart/form-data' ? 'form' : undefined;
    const site = siteOf(origin);
    const rate = limiter.hit(address);
    if (!rate.ok) {
      const minutes = Math.ceil(rate.retryAfter / 60);
      return {
        kind,
        answer: problem(
          429,
          '提交过于频繁',
          `这个网络地址一小时内提交的反映已达上限，请 ${minutes} 分钟后再试，或用电话、邮件反映。`,
          site,
          { headers: { 'Retry-After': String(rate.retryAfter) }, note: 'rate' },
        ),
      };
    }
    if (!kind) {
      req.resume();
      return {
        kind,
        answer: {
          status: 415,
          json: { error: '只接受 application/json 或 multipart/form-data' },
          note: type || 'no type',
        },
      };
    }
    const body = await readBody(req, config.maxBody);
    if (!body) {
      return {
        kind,
        answer: problem(
          413,
          '提交的内容太大',
          `提交的内容超过了 ${Math.floor(config.maxBody / 1024 / 1024) || 1} MB 的上限。请少附几张照片或选择较小的照片后重新提交。`,
          site,
          { note: 'too large' },
        ),
      };
    }
    const intake: Intake =
      kind === 'json' ? jsonIntake(body.toString('utf8')) : await multipartIntake(body, req.headers['content-type']!);
    if (intake.kind === 'invalid') {
      return {
        kind,
        answer: {
          status: 400,
          json: { errors: intake.errors satisfies FieldProblem[] },
          html: errorsPage(intake.errors, site),
          note: `invalid ${intake.errors.map((e) => e.path || '(body)').join(',')}`,
        },
      };
    }
    if (intake.kind === 'honeypot') {
      const receipt = { ref: intake.ref ?? newReference(), received: new Date().toISOString() };
      return {
        kind,
        answer: {
          status: 201,
          json: receipt,
          html: receiptPage(receipt.ref, receipt.received, site),
          note: 'honeypot, not stored',
        },
      };
    }
    let saved;
    try {
      saved = await store.save(intake.ref ?? freshRef(), intake.hash, kind, intake.report, intake.photos);
    } catch (e) {
      logError(`receiver: 保存失败 / could not store a report: ${(e as Error).message}`);
      return {
        kind,
        answer: problem(503, '暂时无法保存', '服务器暂时无法保存您的反映，请稍后重新提交。', site, {
          headers: { 'Retry-After': '30' },
          note: 'store failed',
        }),
      };
    }
    const receipt = { ref: saved.ref, received: saved.received };
    if (saved.status === 'conflict') {
      return {
        kind,
        answer: problem(
          409,
          '编号已被使用',
          `受理编号 ${saved.ref} 已用于另一份内容不同的反映，这次提交没有保存。`,
          site,
          {
            json: { error: `受理编号 ${saved.ref} 已用于另一份内容不同的反映，这次提交没有保存`, ref: saved.ref },
            note: `${saved.ref} conflict`,
          },
        ),
      };
    }
    const status = saved.status === 'created' ? 201 : 200;
    return {
      kind,
      answer: {
        status,
        json: receipt,
        html: receiptPage(receipt.ref, receipt.received, site),
        note: `${saved.ref}${status === 200 ? ' repeat' : ''}`,
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, note: (s: string) => void): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const origin = req.headers.origin;
    if (path === '/health') {
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(
          res,
          { status: 405, json: { error: 'GET only' }, headers: { Allow: 'GET, HEAD' } },
          'json',
          undefined,
        );
      const ok = store.healthy();
      return send(res, { status: ok ? 200 : 503, json: { ok } }, 'json', undefined);
    }
    if (path !== '/reports') {
      req.resume();
      return send(res, { status: 404, json: { error: 'not found' } }, 'json', undefined);
    }
    res.setHeader('Vary', 'Origin');
    if (origin !== undefined && !allowed.has(origin)) {
      req.resume();
      note(`origin ${origin.slice(0, 100)}`);
      return send(res, { status: 403, json: { error: '不接受从这个网站提交的反映' } }, 'json', undefined);
    }
    if (req.method === 'OPTIONS') {
      req.resume();
      const headers: Record<string, string> = { Allow: 'POST, OPTIONS' };
      if (origin)
        Object.assign(headers, {
          'Access-Control-Allow-Methods': 'POST',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        });
      return send(res, { status: 204, headers }, undefined, origin);
    }
    if (req.method !== 'POST') {
      req.resume();
      return send(
        res,
        { status: 405, json: { error: 'POST only' }, headers: { Allow: 'POST, OPTIONS' } },
        'json',
        origin,
      );
    }
    const { answer, kind } = await post(req, origin, clientAddress(req, config.trustProxy));
    if (answer.note) note(answer.note);
    send(res, answer, kind, origin);
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    let extra = '';
    const address = clientAddress(req, config.trustProxy);
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 200);
    res.on('close', () => {
      const status = res.writableFinished ? String(res.statusCode) : 'aborted';
      log(
        `${new Date().toISOString()} ${address} ${req.method} ${path} ${status} ${Math.round(performance.now() - started)}ms${extra ? ` ${extra}` : ''}`,
      );
    });
    handle(req, res, (s) => (extra = s)).catch((e: Error) => {
      logError(`receiver: ${e.stack ?? e.message}`);
      if (!res.headersSent)
        send(res, { status: 500, json: { error: '服务器内部错误，请稍后重试' } }, 'json', undefined);
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  return server;
}

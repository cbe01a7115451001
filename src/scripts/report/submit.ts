/**
 * Sending a report to site.yaml report.endpoint: POST as JSON, each attempt
 * cut off by an AbortController timeout, retried with backoff when the
 * failure may pass (network down, timeout, 408/429/5xx). Every attempt
 * carries the same reference number, so a receiver that got the report but
 * whose answer was lost sees a repeat of the same `ref`, not a new report.
 *
 * The endpoint is usually on another origin: it must answer the CORS
 * preflight (OPTIONS, Content-Type: application/json) and reply 2xx once
 * the report is stored. Only a 2xx counts as delivered. The project's
 * receiver (docs/receiver-interface.md) answers `{ ref, received }`: the
 * reference it stored, which the page then shows as confirmed; a 400
 * carries `{ errors: [{ path, message }] }`.
 */
import { FIELDS, type FieldError, type FieldKey } from '../../lib/report.ts';
import { receiptOf, type Receipt } from '../../lib/report-outbox.ts';

export type { Receipt };

export interface ServerError {
  /** Dotted path of the field in the JSON (`photos.1.data`), '' for the whole report. */
  path: string;
  message: string;
}

export type SendResult =
  | { ok: true; receipt?: Receipt }
  | { ok: false; reason: 'offline' | 'timeout' | 'server' | 'rejected'; status?: number; errors?: ServerError[] };

async function jsonBody(res: Response): Promise<Record<string, unknown> | null> {
  if (!/json/i.test(res.headers.get('content-type') ?? '')) return null;
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The receipt of a 2xx answer, when it names a reference. */
export async function readReceipt(res: Response): Promise<Receipt | undefined> {
  return receiptOf(await jsonBody(res));
}

/** The field errors of a 400 answer, when it lists them. */
async function readErrors(res: Response): Promise<ServerError[] | undefined> {
  const list = (await jsonBody(res))?.errors;
  if (!Array.isArray(list)) return undefined;
  const errors = list.filter(
    (e): e is ServerError => !!e && typeof e.path === 'string' && typeof e.message === 'string',
  );
  return errors.length ? errors : undefined;
}

export interface SendOptions {
  attempts?: number;
  /** Waits before the 2nd, 3rd … attempt (ms). */
  backoff?: number[];
  /** Time allowed for one attempt (ms); by default 20 s plus 1 s per 50 KB, for photos on a slow line. */
  timeout?: number;
  onAttempt?: (n: number) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function sendReport(endpoint: string, body: string, opts: SendOptions = {}): Promise<SendResult> {
  const { attempts = 3, backoff = [1000, 3000], onAttempt } = opts;
  const timeout = opts.timeout ?? 20_000 + Math.round(body.length / 50);
  let last: SendResult = { ok: false, reason: 'offline' };
  for (let n = 1; n <= attempts; n++) {
    if (n > 1) await sleep(backoff[Math.min(n - 2, backoff.length - 1)] ?? 1000);
    onAttempt?.(n);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: abort.signal,
        credentials: 'omit',
      });
      if (res.ok) {
        const receipt = await readReceipt(res);
        return receipt ? { ok: true, receipt } : { ok: true };
      }
      const retry = res.status === 408 || res.status === 429 || res.status >= 500;
      last = { ok: false, reason: retry ? 'server' : 'rejected', status: res.status };
      if (!retry) {
        const errors = res.status === 400 ? await readErrors(res) : undefined;
        return errors ? { ...last, errors } : last;
      }
    } catch {
      last = { ok: false, reason: abort.signal.aborted ? 'timeout' : 'offline' };
      if (!navigator.onLine) return last; // no point retrying until the connection is back
    } finally {
      clearTimeout(timer);
    }
  }
  return last;
}

/** Why it failed, in words for the person. */
export function failureText(r: Exclude<SendResult, { ok: true }>): string {
  switch (r.reason) {
    case 'offline':
      return '网络连接中断，没有发送出去。';
    case 'timeout':
      return '等待服务器回应超时，可能没有发送出去。';
    case 'server':
      return `服务器暂时无法处理（错误 ${r.status}）。`;
    case 'rejected':
      return `服务器没有接受这份反映（错误 ${r.status}）。`;
  }
}

/** The form field of an error the endpoint returned (`photos.1.data` → photos); null when the form has none. */
function fieldOfPath(path: string): FieldKey | null {
  const head = path.split('.')[0] ?? '';
  if (head === 'lat' || head === 'lon') return 'geo';
  if (head === 'water_name') return 'water';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldKey) : null;
}

/** The endpoint's field errors as the form shows them, first message per field, in page order; null when one has no field. */
export function fieldErrors(errors: readonly ServerError[]): FieldError[] | null {
  const first = new Map<FieldKey, string>();
  for (const e of errors) {
    const field = fieldOfPath(e.path);
    if (!field) return null;
    if (!first.has(field)) first.set(field, e.message);
  }
  return FIELDS.filter((f) => first.has(f)).map((f) => ({ field: f, message: first.get(f)! }));
}

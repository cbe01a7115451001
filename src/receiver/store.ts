/**
 * Where the receiver keeps reports: one SQLite file (`reports.sqlite`) and
 * the photos beside it (`photos/`), in the data directory. Everything that
 * touches the database is in this module, so the driver can be swapped
 * without touching the HTTP side or the office commands.
 *
 * Why Node's built-in `node:sqlite` (DatabaseSync) rather than a driver such
 * as better-sqlite3: the project pins its Node (the `node` devDependency,
 * 24.x), which ships SQLite 3.5x compiled in; a driver would be a native
 * addon, built at install time or downloaded as a prebuilt binary for the
 * exact Node ABI and CPU — the step that fails on an office's offline
 * intranet machine or an unusual CPU, and a second copy of SQLite to keep
 * patched. The price is that `node:sqlite` is still marked "active
 * development": its API may change between Node majors. Keeping it behind
 * this small module (open, migrate, find, save, list, delete) bounds what
 * such a change could cost, and the pinned Node means it cannot change
 * under the office without a deliberate upgrade. Its synchronous API suits
 * a receiver that writes a few reports a day: a commit is one short
 * blocking call, and it makes "look up the reference, then insert" atomic
 * within the process without further locking.
 *
 * Durability: WAL journal with `synchronous=FULL`, so a commit has reached
 * the disk (fsync of the WAL) before `save` returns and the report is
 * acknowledged. Photos are written first, each to a temporary name,
 * fsynced, renamed to its final name and the directory fsynced; only then
 * is the row committed. If anything fails before the commit, the photo
 * files are removed and nothing is acknowledged; a crash between the rename
 * and the commit leaves files no row names, removed when the receiver next
 * starts (`sweep`).
 *
 * Schema changes are migrations in code: MIGRATIONS[i] takes the database
 * from `user_version` i to i + 1, each in its own transaction. A database
 * newer than this code is refused rather than guessed at.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
  unlinkSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { IMAGE_EXTENSIONS, type ImageType } from '../lib/image-size.ts';

export const DB_FILE = 'reports.sqlite';
export const PHOTO_DIR = 'photos';

/** Ordered migrations: index i upgrades user_version i to i + 1. Never edit one that has shipped; add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE reports (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     ref TEXT NOT NULL UNIQUE,
     received TEXT NOT NULL,
     body_hash TEXT NOT NULL,
     channel TEXT NOT NULL CHECK (channel IN ('json', 'form')),
     water TEXT NOT NULL,
     water_name TEXT,
     place TEXT NOT NULL,
     lat REAL,
     lon REAL,
     category TEXT NOT NULL,
     description TEXT NOT NULL,
     seen_date TEXT NOT NULL,
     seen_time TEXT,
     contact TEXT NOT NULL CHECK (contact IN ('anonymous', 'named')),
     name TEXT,
     phone TEXT
   );
   CREATE INDEX reports_received ON reports (received);
   CREATE TABLE photos (
     report INTEGER NOT NULL REFERENCES reports (seq) ON DELETE CASCADE,
     n INTEGER NOT NULL,
     file TEXT NOT NULL UNIQUE,
     type TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     PRIMARY KEY (report, n)
   );`,
];

/** The fields of a validated report that are stored (the receiver's own view, contact included). */
export interface ReportFields {
  water: string;
  water_name?: string;
  place: string;
  lat?: number;
  lon?: number;
  category: string;
  description: string;
  seen_date: string;
  seen_time?: string;
  contact: 'anonymous' | 'named';
  name?: string;
  phone?: string;
}

export interface PhotoInput {
  bytes: Uint8Array;
  type: ImageType;
  sha256: string;
}

export interface StoredPhoto {
  n: number;
  /** File name under photos/. */
  file: string;
  type: ImageType;
  bytes: number;
  sha256: string;
}

export interface StoredReport extends ReportFields {
  seq: number;
  ref: string;
  /** ISO 8601, UTC. */
  received: string;
  channel: 'json' | 'form';
  photos: StoredPhoto[];
}

export interface Receipt {
  ref: string;
  received: string;
}

export type SaveResult =
  | ({ status: 'created' } & Receipt)
  /** The same reference with the same content: the first receipt. */
  | ({ status: 'duplicate' } & Receipt)
  /** The same reference with other content: nothing stored. */
  | ({ status: 'conflict' } & Receipt);

export class StoreError extends Error {}

const REPORT_COLUMNS = [
  'water',
  'water_name',
  'place',
  'lat',
  'lon',
  'category',
  'description',
  'seen_date',
  'seen_time',
  'contact',
  'name',
  'phone',
] as const;

type Row = Record<string, SQLInputValue>;

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bring a database to the current schema; refuses one made by newer code. */
export function migrate(db: DatabaseSync): number {
  const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  if (version > MIGRATIONS.length) {
    throw new StoreError(
      `数据库版本 ${version} 比本程序（${MIGRATIONS.length}）新，请升级程序 / database schema ${version} is newer than this receiver (${MIGRATIONS.length})`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
  return MIGRATIONS.length;
}

export interface OpenOptions {
  /** Remove photo files that no row names (left by a crash before a commit). Only the receiver does this, at start, when no save is under way. */
  sweep?: boolean;
  /** Open an existing store only (the office's commands): never create one in a mistyped directory. */
  existing?: boolean;
}

export class ReportStore {
  readonly dir: string;
  readonly photoDir: string;
  readonly db: DatabaseSync;

  private constructor(dir: string, db: DatabaseSync) {
    this.dir = dir;
    this.photoDir = join(dir, PHOTO_DIR);
    this.db = db;
  }

  /** Open (creating when missing) the store in `dir`; throws StoreError with a message for the operator. */
  static open(dir: string, opts: OpenOptions = {}): ReportStore {
    const photos = join(dir, PHOTO_DIR);
    if (opts.existing) {
      if (!existsSync(join(dir, DB_FILE)))
        throw new StoreError(`没有找到数据库：${join(dir, DB_FILE)} / no database in ${dir}`);
    } else {
      try {
        mkdirSync(photos, { recursive: true });
        const probe = join(photos, `.write-test-${process.pid}`);
        writeFileSync(probe, '');
        unlinkSync(probe);
      } catch (e) {
        throw new StoreError(
          `数据目录不可写：${dir}（${(e as Error).message}） / data directory is not writable: ${dir}`,
        );
      }
    }
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(join(dir, DB_FILE));
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
      db.exec('PRAGMA busy_timeout = 5000');
      // A deleted report (or erased phone number) is overwritten in the file, not only unlinked from the b-tree.
      db.exec('PRAGMA secure_delete = ON');
      migrate(db);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(`无法打开数据库 ${join(dir, DB_FILE)}：${(e as Error).message} / cannot open the database`);
    }
    const store = new ReportStore(dir, db);
    if (opts.sweep) store.sweep();
    return store;
  }

  /** Remove photo files no row names, and temporary files of unfinished writes. */
  sweep(): string[] {
    const known = new Set((this.db.prepare('SELECT file FROM photos').all() as { file: string }[]).map((r) => r.file));
    const removed: string[] = [];
    for (const name of readdirSync(this.photoDir)) {
      if (known.has(name)) continue;
      rmSync(join(this.photoDir, name), { force: true });
      removed.push(name);
    }
    return removed;
  }

  /** Whether the database answers a query. */
  healthy(): boolean {
    try {
      return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
    } catch {
      return false;
    }
  }

  /** The receipt and content hash stored for a reference. */
  find(ref: string): (Receipt & { hash: string }) | undefined {
    const row = this.db.prepare('SELECT ref, received, body_hash FROM reports WHERE ref = ?').get(ref) as
      { ref: string; received: string; body_hash: string } | undefined;
    return row && { ref: row.ref, received: row.received, hash: row.body_hash };
  }

  private answer(ref: string, hash: string): SaveResult | undefined {
    const found = this.find(ref);
    if (!found) return undefined;
    return { status: found.hash === hash ? 'duplicate' : 'conflict', ref: found.ref, received: found.received };
  }

  /** Write one photo durably under its final name (temp name, fsync, rename). */
  private async writePhoto(ref: string, n: number, photo: PhotoInput): Promise<string> {
    const file = `${ref}-${n}-${randomBytes(4).toString('hex')}.${IMAGE_EXTENSIONS[photo.type][0]}`;
    const tmp = join(this.photoDir, `.tmp-${file}`);
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(photo.bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, join(this.photoDir, file));
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
    return file;
  }

  /**
   * Store a report under `ref` unless that reference is taken: returns
   * `created` once the row is committed (and durable), `duplicate` with the
   * first receipt when the same reference came with the same content hash,
   * `conflict` when it came with other content. Throws when the disk or the
   * database fails; nothing is then stored.
   */
  async save(
    ref: string,
    hash: string,
    channel: 'json' | 'form',
    report: ReportFields,
    photos: readonly PhotoInput[],
  ): Promise<SaveResult> {
    const before = this.answer(ref, hash);
    if (before) return before;
    const written: string[] = [];
    const discard = () => {
      for (const f of written) rmSync(join(this.photoDir, f), { force: true });
    };
    try {
      for (const [i, p] of photos.entries()) written.push(await this.writePhoto(ref, i + 1, p));
      if (written.length) fsyncDir(this.photoDir);
    } catch (e) {
      discard();
      throw e;
    }
    // From here to the commit nothing awaits: no other request of this process runs in between.
    const raced = this.answer(ref, hash);
    if (raced) {
      discard();
      return raced;
    }
    const received = new Date().toISOString();
    const values: Row = { ref, received, body_hash: hash, channel };
    for (const c of REPORT_COLUMNS) values[c] = report[c] ?? null;
    const cols = Object.keys(values);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const { lastInsertRowid } = this.db
        .prepare(`INSERT INTO reports (${cols.join(', ')}) VALUES (${cols.map((c) => `:${c}`).join(', ')})`)
        .run(values);
      const insert = this.db.prepare(
        'INSERT INTO photos (report, n, file, type, bytes, sha256) VALUES (?, ?, ?, ?, ?, ?)',
      );
      photos.forEach((p, i) => insert.run(lastInsertRowid, i + 1, written[i]!, p.type, p.bytes.byteLength, p.sha256));
      this.db.exec('COMMIT');
    } catch (e) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        /* the failed statement may have rolled back already */
      }
      discard();
      throw e;
    }
    return { status: 'created', ref, received };
  }

  private hydrate(rows: Row[]): StoredReport[] {
    if (rows.length === 0) return [];
    const photos = new Map<number, StoredPhoto[]>();
    const seqs = rows.map((r) => Number(r.seq));
    const placeholders = seqs.map(() => '?').join(',');
    for (const p of this.db
      .prepare(
        `SELECT report, n, file, type, bytes, sha256 FROM photos WHERE report IN (${placeholders}) ORDER BY report, n`,
      )
      .all(...seqs) as Row[]) {
      const list = photos.get(Number(p.report)) ?? [];
      list.push({
        n: Number(p.n),
        file: String(p.file),
        type: p.type as ImageType,
        bytes: Number(p.bytes),
        sha256: String(p.sha256),
      });
      photos.set(Number(p.report), list);
    }
    return rows.map((r) => {
      const out: Record<string, unknown> = { seq: Number(r.seq), ref: r.ref, received: r.received, channel: r.channel };
      for (const c of REPORT_COLUMNS) if (r[c] !== null && r[c] !== undefined) out[c] = r[c];
      out.photos = photos.get(Number(r.seq)) ?? [];
      return out as unknown as StoredReport;
    });
  }

  /** One report by reference. */
  get(ref: string): StoredReport | undefined {
    return this.hydrate(this.db.prepare('SELECT * FROM reports WHERE ref = ?').all(ref) as Row[])[0];
  }

  /**
   * Reports in the order received (oldest first), optionally only those
   * after the report `afterRef` or received at or after the instant `from`
   * (ISO, UTC). Throws StoreError when `afterRef` is unknown.
   */
  list(opts: { afterRef?: string; from?: string } = {}): StoredReport[] {
    if (opts.afterRef !== undefined) {
      const row = this.db.prepare('SELECT seq FROM reports WHERE ref = ?').get(opts.afterRef) as
        { seq: number } | undefined;
      if (!row) throw new StoreError(`没有受理编号为 ${opts.afterRef} 的反映 / no report ${opts.afterRef}`);
      return this.hydrate(this.db.prepare('SELECT * FROM reports WHERE seq > ? ORDER BY seq').all(row.seq) as Row[]);
    }
    if (opts.from !== undefined)
      return this.hydrate(
        this.db.prepare('SELECT * FROM reports WHERE received >= ? ORDER BY seq').all(opts.from) as Row[],
      );
    return this.hydrate(this.db.prepare('SELECT * FROM reports ORDER BY seq').all() as Row[]);
  }

  /**
   * Copy the WAL into the database file and empty it, so that the old
   * versions of changed pages (a deleted name) do not linger in the WAL.
   * Best effort: a reader in another process can hold it back until later.
   */
  private checkpoint(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** Delete a report and its photos; false when there is none. */
  delete(ref: string): boolean {
    const report = this.get(ref);
    if (!report) return false;
    this.db.prepare('DELETE FROM reports WHERE seq = ?').run(report.seq);
    for (const p of report.photos) rmSync(join(this.photoDir, p.file), { force: true });
    this.checkpoint();
    return true;
  }

  /** Erase the name and phone of a report, keeping the report; false when there is none. */
  forgetContact(ref: string): boolean {
    const changed =
      Number(this.db.prepare('UPDATE reports SET name = NULL, phone = NULL WHERE ref = ?').run(ref).changes) > 0;
    if (changed) this.checkpoint();
    return changed;
  }

  /**
   * A consistent copy of the database in `file` (which must not exist),
   * taken in one read transaction: safe while the receiver is writing.
   * Photos are files written once before their row: copy photos/ after
   * this, and every photo the copy names is there.
   */
  backup(file: string): void {
    if (existsSync(file)) throw new StoreError(`文件已存在，不会覆盖：${file} / ${file} exists`);
    this.db.exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
  }

  close(): void {
    this.db.close();
  }
}

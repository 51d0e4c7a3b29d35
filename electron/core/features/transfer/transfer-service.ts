import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/open';
import { uuidv7 } from '../../db/ids';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import type { Tx, WritePath } from '../../db/write-path';
import type { DerivedValues, Fields, RowOf } from '../../db/columns';
import type { RecordTable } from '../../db/record-table';
import { AppError } from '../../kernel/errors';
import type { ConflictView, TransferPreview } from '../../../../shared/api/transfer';
import { Collector } from './collect';
import { Describer } from './describe';
import { ConflictStore, type Row, type StoredConflict } from './conflict-store';
import { ExchangeLog, type ExchangeEntry } from './exchange-log';
import { AUDITED_TABLES, Merger, type MergeSummary, type Verdict } from './merge';
import { writePayload } from './package-io';
import { PACKAGE_EXTENSION, packageStem, unsealPackageFile, writePackageFile } from './package-file';
import { checkedFolder } from '../../files/folder-browser';
import { freeFileName } from '../../files/removable-write';
import { indexForMerge, stagePackage, withStaging, type StagedPackage } from './staging';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type PackageHeader, type PackageScope } from './transfer-format';
import { transferTables, type TransferTable } from './transfer-tables';
import { UnitLinks } from './unit-links';

export interface OfficeIdentity {
  officeId: string;
  name: string;
  parentBody: string;
}

export interface TransferDeps {
  db: Db;
  writes: WritePath;
  /** The database file, opened a second time (read only) to write a package from one moment. */
  databaseFile: string;
  /** Where packages being made or read are kept meanwhile. */
  workDir: string;
  appVersion: string;
  office: () => OfficeIdentity;
  operator: () => string;
  now: () => Date;
}

/** A package's payload made, not yet on its medium nor recorded. */
export interface PreparedPackage {
  header: PackageHeader;
  /** The payload file (gzip of the package's lines), ready to be sealed and written out. */
  payload: string;
  /** Its work folder, removed once the package is written. */
  dir: string;
  rows: number;
  /** Each record's revision as it went in. */
  chosen: { tbl: string; id: string; rev: string }[];
  recipient: OfficeIdentity | null;
}

export interface SentPackage extends PreparedPackage {
  exchange: ExchangeEntry;
}

export type SendScope = { kind: 'all' } | { kind: 'plans'; planIds: string[] } | { kind: 'changes' };

export interface SentFile {
  fileName: string;
  path: string;
  folder: string;
  size: number;
  rows: number;
  counts: Record<string, number>;
  exchange: ExchangeEntry;
}

export type ReceiveOutcome =
  { state: 'needsPassword'; fileName: string } | { state: 'ready'; fileName: string; preview: ReceivePreview };

export interface ReceivePreview {
  sessionId: string;
  header: PackageHeader;
  alreadyReceived: boolean;
  summary: MergeSummary;
  /** What the screens show of it. */
  view: TransferPreview;
}

export interface ReceiveResult {
  perTable: Record<string, Record<Verdict, number>>;
  conflicts: number;
  exchange: ExchangeEntry;
}

interface Session {
  staged: StagedPackage;
  dir: string;
  /** The package file's name as chosen (the history shows it); '' for a payload opened directly. */
  fileName: string;
  at: number;
}

/** Receive sessions kept at once, and for how long. */
const MAX_SESSIONS = 4;
const SESSION_MS = 2 * 60 * 60 * 1000;

function sum(perTable: Record<string, Record<Verdict, number>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const counts of Object.values(perTable)) {
    for (const [verdict, n] of Object.entries(counts)) totals[verdict] = (totals[verdict] ?? 0) + n;
  }
  return totals;
}

/**
 * Staging checks each value by its column; the schema's own rules (CHECKs, references, unique
 * keys) hold when the merge writes. A package that breaks one is refused whole: the transaction
 * rolls back, and the clerk is told the package cannot be taken, not that the app failed.
 */
function refusingBrokenRules<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('transfer.refused', { messageKey: 'transfer.errors.brokenRule', cause: error });
    }
    throw error;
  }
}

/**
 * Carrying records between offices: a package is made of what a scope chooses (from one
 * consistent moment of the database) and, when received, checked whole into a staging database,
 * previewed, then merged in one transaction through the write path. Conflicts wait for a person.
 */
export class TransferService {
  private readonly sessions = new Map<string, Session>();
  readonly conflicts: ConflictStore;
  readonly log: ExchangeLog;
  readonly links: UnitLinks;
  private readonly describer: Describer;
  private tablesCache: TransferTable[] | null = null;

  constructor(private readonly deps: TransferDeps) {
    this.conflicts = new ConflictStore(deps.db);
    this.log = new ExchangeLog(deps.db);
    this.links = new UnitLinks(deps.db);
    this.describer = new Describer(deps.db, () => deps.office());
  }

  private tables(): TransferTable[] {
    this.tablesCache ??= transferTables(this.deps.db);
    return this.tablesCache;
  }

  private workFolder(prefix: string): string {
    fs.mkdirSync(this.deps.workDir, { recursive: true });
    return fs.mkdtempSync(path.join(this.deps.workDir, `${prefix}-`));
  }

  /**
   * Writes the package payload of `scope` (for `recipient` when chosen: "what changed since the
   * last package" is counted against it) and records the exchange. The payload stays in a work
   * folder; tests and the bench read it from there.
   */
  async makePackage(scope: PackageScope, recipient: OfficeIdentity | null): Promise<SentPackage> {
    const prepared = await this.preparePackage(scope, recipient);
    return { ...prepared, exchange: this.recordSent(prepared, '') };
  }

  /**
   * Writes the payload of `scope` from one consistent moment of the database, without recording
   * anything: until the package is on its medium and read back, the recipient has nothing.
   */
  async preparePackage(scope: PackageScope, recipient: OfficeIdentity | null): Promise<PreparedPackage> {
    if (scope.kind === 'changes' && recipient === null) {
      throw new AppError('VALIDATION', { messageKey: 'transfer.errors.recipientNeeded' });
    }
    if (scope.kind === 'changes' && recipient !== null) {
      scope = { ...scope, after: this.log.lastExchange(recipient.officeId) };
    }
    const office = this.deps.office();
    const dir = this.workFolder('send');
    const payload = path.join(dir, 'package.ndjson.gz');
    const reader = new Database(this.deps.databaseFile, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 5000');
      reader.exec('BEGIN');
      const collector = new Collector(reader, this.tables());
      collector.select(scope, recipient?.officeId ?? null);
      const header: PackageHeader = {
        format: PACKAGE_FORMAT,
        formatVersion: PACKAGE_FORMAT_VERSION,
        packageId: uuidv7(),
        createdAt: this.deps.now().toISOString(),
        appVersion: this.deps.appVersion,
        schemaVersion: LATEST_SCHEMA_VERSION,
        sender: office,
        recipient,
        scope,
        counts: collector.counts(),
      };
      const rows = await writePayload(payload, header, collector.sources());
      const chosen = collector.chosen();
      reader.exec('COMMIT');
      return { header, payload, dir, rows, chosen, recipient };
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    } finally {
      reader.close();
    }
  }

  /** The package reached its medium: the recipient is taken to hold what it carries. */
  recordSent(prepared: PreparedPackage, fileName: string): ExchangeEntry {
    const { header, recipient, chosen } = prepared;
    return this.deps.writes.run((tx) => {
      this.log.remember(recipient?.officeId ?? null, chosen);
      if (recipient) this.log.meet(recipient, tx.now.toISOString());
      return this.log.record({
        direction: 'sent',
        packageId: header.packageId,
        peerOffice: recipient?.officeId ?? '',
        peerName: recipient?.name ?? '',
        at: tx.now.toISOString(),
        fileName,
        scope: header.scope,
        counts: this.recordCounts(header.counts),
        operator: this.deps.operator(),
      });
    });
  }

  /**
   * "Gửi dữ liệu": the package of `scope` sealed (with a password, encrypted) into a new file in
   * `folder` (a USB stick), written durably and read back before the exchange is recorded. A
   * failed write (stick pulled, disk full) records nothing and leaves no package file.
   */
  async send(input: {
    scope: SendScope;
    recipientId: string | null;
    folder: string;
    password: string | null;
  }): Promise<SentFile> {
    const folder = checkedFolder(input.folder);
    const recipient = input.recipientId === null ? null : this.knownOffice(input.recipientId);
    const scope: PackageScope =
      input.scope.kind === 'changes'
        ? { kind: 'changes', since: recipient ? this.log.lastWith(recipient.officeId) : null }
        : input.scope;
    const prepared = await this.preparePackage(scope, recipient);
    try {
      const office = this.deps.office();
      const fileName = freeFileName(
        folder,
        packageStem(office.name, recipient?.name ?? null, this.deps.now()),
        PACKAGE_EXTENSION,
      );
      const target = path.join(folder, fileName);
      const size = await writePackageFile(target, prepared.payload, input.password);
      const exchange = this.recordSent(prepared, fileName);
      return {
        fileName,
        path: target,
        folder,
        size,
        rows: prepared.rows,
        counts: this.recordCounts(prepared.header.counts),
        exchange,
      };
    } finally {
      fs.rmSync(prepared.dir, { recursive: true, force: true });
    }
  }

  /**
   * "Nhận dữ liệu": a package file chosen by the user, checked whole (its container, then every
   * line into a staging database) and previewed; or, encrypted and no password given, the
   * answer that one is needed. Nothing is written to the office's data.
   */
  async receive(source: string, name: string, password: string | null): Promise<ReceiveOutcome> {
    if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new AppError('FILE_NOT_FOUND');
    const dir = this.workFolder('unseal');
    try {
      const payload = path.join(dir, 'package.ndjson.gz');
      const unsealed = await unsealPackageFile(source, name, password, payload);
      if (unsealed.state === 'needsPassword') return unsealed;
      const preview = await this.open(payload, name);
      return { state: 'ready', preview, fileName: name };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Records per table as both offices count them: an inspection's people, results and requests
   * travel as rows of their own but are one record with it (the receiver counts them so).
   */
  private recordCounts(counts: Record<string, number>): Record<string, number> {
    const parts = new Set(
      this.tables()
        .filter((table) => table.info.partOf)
        .map((table) => table.name),
    );
    return Object.fromEntries(Object.entries(counts).filter(([table]) => !parts.has(table)));
  }

  private knownOffice(officeId: string): OfficeIdentity {
    const office = this.log.offices().find((candidate) => candidate.officeId === officeId);
    if (!office) throw new AppError('NOT_FOUND', { messageKey: 'transfer.errors.unknownOffice' });
    return { officeId: office.officeId, name: office.name, parentBody: office.parentBody };
  }

  /** Checks a received payload whole and answers what it would change; nothing is written yet. */
  async open(payload: string, fileName = ''): Promise<ReceivePreview> {
    this.sweep();
    const dir = this.workFolder('receive');
    let staged: StagedPackage;
    try {
      staged = await stagePackage(
        payload,
        path.join(dir, 'staged.sqlite3'),
        this.deps.db,
        this.tables(),
        this.deps.office().officeId,
      );
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const sessionId = randomBytes(12).toString('base64url');
    this.sessions.set(sessionId, { staged, dir, fileName, at: Date.now() });
    const alreadyReceived = this.log.wasReceived(staged.header.packageId);
    const { scope } = staged.header;
    const missingEarlier =
      !alreadyReceived && scope.kind === 'changes' && scope.after && !this.log.hasPackage(scope.after.packageId)
        ? { at: scope.after.at }
        : null;
    return withStaging(this.deps.db, staged, () => {
      const summary = this.merger(staged).summarize();
      return {
        sessionId,
        header: staged.header,
        alreadyReceived,
        summary,
        view: this.describer.preview(sessionId, staged.header, { alreadyReceived, missingEarlier }, summary),
      };
    });
  }

  /** Merges an opened package in one transaction: entirely or not at all. */
  apply(sessionId: string, keepApart: readonly string[]): ReceiveResult {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('transfer.sessionExpired', { messageKey: 'transfer.errors.sessionExpired' });
    const { staged } = session;
    const header = staged.header;
    indexForMerge(staged, this.tables());
    const result = withStaging(this.deps.db, staged, () =>
      refusingBrokenRules(() =>
        this.deps.writes.run((tx) => {
          const at = tx.now.toISOString();
          const merged = this.merger(staged).apply({
            tx,
            keepApart: new Set(keepApart),
            at,
            senderName: header.sender.name,
          });
          this.rememberReceived(tx, staged);
          this.log.meet(header.sender, at);
          const exchange = this.log.record({
            direction: 'received',
            packageId: header.packageId,
            peerOffice: header.sender.officeId,
            peerName: header.sender.name,
            at,
            fileName: session.fileName,
            scope: header.scope,
            counts: sum(merged.perTable),
            operator: this.deps.operator(),
          });
          return { perTable: merged.perTable, conflicts: merged.conflictIds.length, exchange };
        }),
      ),
    );
    this.discard(sessionId);
    return result;
  }

  discard(sessionId: string): boolean {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    this.sessions.delete(sessionId);
    fs.rmSync(session.dir, { recursive: true, force: true });
    return true;
  }

  /** Every staged record's revision: the sender has it, and it is known outside this office. */
  private rememberReceived(_tx: Tx, staged: StagedPackage): void {
    const sender = staged.header.sender.officeId;
    for (const table of this.tables()) {
      if (!table.record || (staged.counts.get(table.name) ?? 0) === 0) continue;
      const rows = this.deps.db
        .prepare<[], { tbl: string; id: string; rev: string }>(
          `SELECT '${table.name}' AS tbl, id, rev FROM pkg.pkg_${table.name}`,
        )
        .all();
      this.log.remember(sender, rows);
    }
  }

  private merger(staged: StagedPackage): Merger {
    return new Merger({
      db: this.deps.db,
      tables: this.tables(),
      staged,
      conflicts: this.conflicts,
      links: this.links,
    });
  }

  /** Sessions left open too long, or too many: their staging files go. */
  private sweep(): void {
    const now = Date.now();
    const open = [...this.sessions.entries()].sort((a, b) => a[1].at - b[1].at);
    open.forEach(([id, session], index) => {
      if (now - session.at > SESSION_MS || open.length - index >= MAX_SESSIONS) this.discard(id);
    });
  }

  history(): ExchangeEntry[] {
    return this.log.list();
  }

  openConflicts(): StoredConflict[] {
    return this.conflicts.open();
  }

  /** The open conflicts as the screens show them. */
  conflictViews(): ConflictView[] {
    return this.conflicts.open().map((conflict) => this.describer.stored(conflict));
  }

  /**
   * A person's choice between two offices' versions of a record: the chosen one is written as a
   * new revision descending from both, so every office holding either sees it as newer and the
   * conflict is not raised again anywhere.
   */
  resolve(conflictId: string, choice: 'ours' | 'theirs'): void {
    this.deps.writes.run((tx) => {
      const conflict = this.conflicts.get(conflictId);
      if (!conflict || conflict.resolvedAt !== null) {
        throw new AppError('transfer.conflictClosed', { messageKey: 'transfer.errors.conflictClosed' });
      }
      const table = this.tables().find((candidate) => candidate.name === conflict.table);
      const record = table?.record;
      if (!table || !record) throw new AppError('NOT_FOUND');
      if (conflict.kind === 'number') this.resolveNumber(tx, record, conflict, choice);
      else this.resolveVersions(tx, table, record, conflict, choice);
      const at = tx.now.toISOString();
      this.conflicts.close(conflictId, at, choice);
      for (const other of this.conflicts.openOf(conflict.table, conflict.recordId)) {
        if (other.id !== conflictId) this.conflicts.close(other.id, at, 'superseded');
      }
    });
  }

  private resolveNumber(tx: Tx, record: RecordTable, conflict: StoredConflict, choice: 'ours' | 'theirs'): void {
    if (choice === 'ours') return;
    // Their inspection takes the number: ours is released (a number once given stays spent).
    const theirs = conflict.loser.row;
    const taken = this.deps.db
      .prepare<Record<string, string | number | null>, Row>(
        `SELECT * FROM minutes_numbers WHERE deleted_at IS NULL AND id <> @id
           AND ((plan_id = @plan_id AND year = @year AND number = @number)
             OR (released_at IS NULL AND inspection_id = @inspection_id))`,
      )
      .all({
        id: String(theirs.id),
        plan_id: theirs.plan_id ?? null,
        year: theirs.year ?? null,
        number: theirs.number ?? null,
        inspection_id: theirs.inspection_id ?? null,
      });
    for (const row of taken) {
      const current = row as unknown as RowOf<Fields, DerivedValues>;
      tx.resolve(record, current, record.content(current), [], { deleted: true });
    }
    tx.putRemote(record, theirs as unknown as RowOf<Fields, DerivedValues>);
  }

  private resolveVersions(
    tx: Tx,
    table: TransferTable,
    record: RecordTable,
    conflict: StoredConflict,
    choice: 'ours' | 'theirs',
  ): void {
    const current = record.get(conflict.recordId);
    if (!current) throw new AppError('NOT_FOUND');
    const loser = conflict.loser;
    const loserRow = loser.row as unknown as RowOf<Fields, DerivedValues>;
    const keepLoser = choice === conflict.loserSide;
    const chosen = keepLoser ? loserRow : current;
    const entity = AUDITED_TABLES[table.name];
    tx.resolve(record, current, record.content(chosen), [loserRow.rev], {
      deleted: chosen.deleted_at !== null,
      ...(entity
        ? {
            audit: {
              action: 'resolveConflict' as const,
              summary: String((chosen as unknown as Row).name ?? (chosen as unknown as Row).title ?? ''),
              detail: choice,
              entity,
            },
          }
        : {}),
    });
    if (!keepLoser) return;
    // The kept version's parts and owned rows come back with it.
    for (const part of this.tables().filter((candidate) => candidate.info.partOf === table.name)) {
      const column = part.info.parent!.column;
      if (part.owned) {
        tx.putOwnedRemote(part.owned, conflict.recordId, loser.owned[part.name] ?? []);
        continue;
      }
      const partRecord = part.record;
      if (!partRecord) continue;
      const wanted = loser.parts[part.name] ?? [];
      const wantedIds = new Set(wanted.map((row) => String(row.id)));
      for (const row of wanted) {
        const theirs = row as unknown as RowOf<Fields, DerivedValues>;
        const here = partRecord.get(theirs.id);
        tx.resolve(partRecord, here ?? theirs, partRecord.content(theirs), here ? [theirs.rev] : [], {
          deleted: theirs.deleted_at !== null,
        });
      }
      const live = this.deps.db
        .prepare<[string], Row>(`SELECT * FROM "${part.name}" WHERE "${column}" = ? AND deleted_at IS NULL`)
        .all(conflict.recordId);
      for (const row of live) {
        if (!wantedIds.has(String(row.id))) tx.tombstone(partRecord, row as unknown as RowOf<Fields, DerivedValues>);
      }
    }
  }
}

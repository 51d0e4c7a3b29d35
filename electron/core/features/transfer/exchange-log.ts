import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { uuidv7 } from '../../db/ids';

export interface ExchangeEntry {
  id: string;
  direction: 'sent' | 'received';
  packageId: string;
  peerOffice: string;
  peerName: string;
  at: string;
  fileName: string;
  scope: unknown;
  counts: Record<string, number>;
  operator: string;
}

interface ExchangeRow {
  id: string;
  direction: 'sent' | 'received';
  package_id: string;
  peer_office: string;
  peer_name: string;
  at: string;
  file_name: string;
  scope: string;
  counts: string;
  operator: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/**
 * What this office knows of its exchanges with others (local tables of migration 0040): the
 * packages sent and received, the revision of each record each other office is known to have,
 * the revisions that left this office, and the other offices' names.
 */
export class ExchangeLog {
  private readonly insertExchange: Statement<ExchangeRow>;
  private readonly listStmt: Statement<[], ExchangeRow>;
  private readonly receivedStmt: Statement<[string], { n: number }>;
  private readonly lastWithStmt: Statement<[string], { at: string | null }>;
  private readonly lastExchangeStmt: Statement<[string], { package_id: string; at: string }>;
  private readonly hasPackageStmt: Statement<[string], { n: number }>;
  private readonly knownStmt: Statement<{ peer: string; tbl: string; id: string; rev: string }>;
  private readonly publishStmt: Statement<[string]>;
  private readonly publishManyStmt: Statement<[string]>;
  private readonly knownManyStmt: Statement<{ peer: string; batch: string }>;
  private readonly officeStmt: Statement<{ id: string; name: string; parent: string; at: string }>;
  private readonly officesStmt: Statement<
    [],
    { office_id: string; name: string; parent_body: string; last_seen: string }
  >;

  constructor(db: Db) {
    this.insertExchange = db.prepare(`
      INSERT INTO exchanges (id, direction, package_id, peer_office, peer_name, at, file_name, scope, counts, operator)
      VALUES (@id, @direction, @package_id, @peer_office, @peer_name, @at, @file_name, @scope, @counts, @operator)`);
    this.listStmt = db.prepare(`SELECT * FROM exchanges ORDER BY at DESC, id DESC LIMIT 500`);
    this.receivedStmt = db.prepare(
      `SELECT count(*) AS n FROM exchanges WHERE package_id = ? AND direction = 'received'`,
    );
    this.lastWithStmt = db.prepare(`SELECT max(at) AS at FROM exchanges WHERE peer_office = ?`);
    this.lastExchangeStmt = db.prepare(
      `SELECT package_id, at FROM exchanges WHERE peer_office = ? ORDER BY at DESC, id DESC LIMIT 1`,
    );
    this.hasPackageStmt = db.prepare(`SELECT count(*) AS n FROM exchanges WHERE package_id = ?`);
    this.knownStmt = db.prepare(`
      INSERT INTO peer_known (peer_office, tbl, record_id, rev) VALUES (@peer, @tbl, @id, @rev)
      ON CONFLICT (peer_office, tbl, record_id) DO UPDATE SET rev = excluded.rev`);
    this.publishStmt = db.prepare(`INSERT OR IGNORE INTO published_revs (rev) VALUES (?)`);
    this.publishManyStmt = db.prepare(
      `INSERT OR IGNORE INTO published_revs (rev) SELECT value ->> '$.rev' FROM json_each(?)`,
    );
    this.knownManyStmt = db.prepare(`
      INSERT INTO peer_known (peer_office, tbl, record_id, rev)
      SELECT @peer, value ->> '$.tbl', value ->> '$.id', value ->> '$.rev' FROM json_each(@batch) WHERE true
      ON CONFLICT (peer_office, tbl, record_id) DO UPDATE SET rev = excluded.rev`);
    this.officeStmt = db.prepare(`
      INSERT INTO known_offices (office_id, name, parent_body, last_seen) VALUES (@id, @name, @parent, @at)
      ON CONFLICT (office_id) DO UPDATE SET name = excluded.name, parent_body = excluded.parent_body,
        last_seen = excluded.last_seen`);
    this.officesStmt = db.prepare(`SELECT office_id, name, parent_body, last_seen FROM known_offices ORDER BY name`);
  }

  record(entry: Omit<ExchangeEntry, 'id'>): ExchangeEntry {
    const id = uuidv7();
    this.insertExchange.run({
      id,
      direction: entry.direction,
      package_id: entry.packageId,
      peer_office: entry.peerOffice,
      peer_name: entry.peerName,
      at: entry.at,
      file_name: entry.fileName,
      scope: JSON.stringify(entry.scope),
      counts: JSON.stringify(entry.counts),
      operator: entry.operator,
    });
    return { id, ...entry };
  }

  list(): ExchangeEntry[] {
    return this.listStmt.all().map((row) => ({
      id: row.id,
      direction: row.direction,
      packageId: row.package_id,
      peerOffice: row.peer_office,
      peerName: row.peer_name,
      at: row.at,
      fileName: row.file_name,
      scope: parse(row.scope),
      counts: parse(row.counts) as Record<string, number>,
      operator: row.operator,
    }));
  }

  wasReceived(packageId: string): boolean {
    return (this.receivedStmt.get(packageId)?.n ?? 0) > 0;
  }

  /** When this office last sent a package to `peer` or received one from it. */
  lastWith(peer: string): string | null {
    return this.lastWithStmt.get(peer)?.at ?? null;
  }

  /** The last package sent to `peer` or received from it. */
  lastExchange(peer: string): { packageId: string; at: string } | null {
    const row = this.lastExchangeStmt.get(peer);
    return row ? { packageId: row.package_id, at: row.at } : null;
  }

  /** This office sent or received the package (whoever it was for). */
  hasPackage(packageId: string): boolean {
    return (this.hasPackageStmt.get(packageId)?.n ?? 0) > 0;
  }

  /** `peer` has this revision of the record (it sent it, or was sent it). */
  known(peer: string, tbl: string, id: string, rev: string): void {
    this.knownStmt.run({ peer, tbl, id, rev });
  }

  /** The revision has left this office, or came from another: histories must keep it. */
  publish(rev: string): void {
    this.publishStmt.run(rev);
  }

  /** Many records at once (a package): published, and known to `peer` when one is named. */
  remember(peer: string | null, records: readonly { tbl: string; id: string; rev: string }[]): void {
    for (let start = 0; start < records.length; start += 5000) {
      const batch = JSON.stringify(records.slice(start, start + 5000));
      this.publishManyStmt.run(batch);
      if (peer !== null) this.knownManyStmt.run({ peer, batch });
    }
  }

  meet(office: { officeId: string; name: string; parentBody: string }, at: string): void {
    this.officeStmt.run({ id: office.officeId, name: office.name, parent: office.parentBody, at });
  }

  offices(): { officeId: string; name: string; parentBody: string; lastSeen: string }[] {
    return this.officesStmt.all().map((row) => ({
      officeId: row.office_id,
      name: row.name,
      parentBody: row.parent_body,
      lastSeen: row.last_seen,
    }));
  }
}

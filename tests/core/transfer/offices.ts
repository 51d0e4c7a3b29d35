import { createTestCore, type TestCore } from '../../support/core-harness';
import { fixedClock } from '../../../electron/core/kernel/clock';
import type { PackageScope } from '../../../electron/core/features/transfer/transfer-format';
import type { ReceivePreview, ReceiveResult } from '../../../electron/core/features/transfer/transfer-service';
import { TABLES, type TableInfo } from '../../../electron/core/db/tables';

export interface Office {
  h: TestCore;
  name: string;
  identity: { officeId: string; name: string; parentBody: string };
  clock: ReturnType<typeof fixedClock>;
}

/** An office of its own: its own database file, set up with its name, on its own clock. */
export async function makeOffice(name: string, start = '2020-03-02T08:00:00Z'): Promise<Office> {
  const clock = fixedClock(start, 1000);
  const h = createTestCore({ clock });
  await h.call('settings.setupOffice', {
    office: { name, parentBody: 'UBND huyện Lộc Bình', placeName: 'Lộc Bình' },
    operatorName: `Văn thư ${name}`,
  });
  const officeId = h.core.services.settings.officeId();
  return { h, name, identity: { officeId, name, parentBody: 'UBND huyện Lộc Bình' }, clock };
}

/** Makes a package at `from` for `to` (or for nobody). Answers the payload file. */
export async function send(from: Office, to: Office | null, scope: PackageScope = { kind: 'all' }): Promise<string> {
  const sent = await from.h.core.services.transfer.makePackage(scope, to?.identity ?? null);
  return sent.payload;
}

export async function preview(to: Office, payload: string): Promise<ReceivePreview> {
  return to.h.core.services.transfer.open(payload);
}

export async function receive(to: Office, payload: string, keepApart: string[] = []): Promise<ReceiveResult> {
  const opened = await to.h.core.services.transfer.open(payload);
  return to.h.core.services.transfer.apply(opened.sessionId, keepApart);
}

/** Sends everything both ways until neither has anything new for the other. */
export async function sync(a: Office, b: Office): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    await receive(b, await send(a, b, { kind: 'changes', since: null }));
    await receive(a, await send(b, a, { kind: 'changes', since: null }));
  }
}

const OFFICE_TABLES = Object.entries(TABLES as Record<string, TableInfo>)
  .filter(([, info]) => info.kind !== 'local')
  .map(([name]) => name);

/**
 * The office data of a database: every row of every travelling table, in a stable order. With
 * `receipts: false`, without the audit entries "nhận từ …" that each office writes for what it
 * received (their ids and times are the receiving office's own: they differ with the order in
 * which packages arrive, and travel on like any entry).
 */
export function content(office: Office, options: { receipts?: boolean } = {}): Record<string, unknown[]> {
  const db = office.h.core.db;
  const out: Record<string, unknown[]> = {};
  for (const table of OFFICE_TABLES) {
    const order = TABLES[table as keyof typeof TABLES].kind === 'owned' ? 'inspection_id, criterion_id' : 'id';
    const where = table === 'audit_log' && options.receipts === false ? `WHERE action <> 'receive'` : '';
    out[table] = db.prepare(`SELECT * FROM "${table}" ${where} ORDER BY ${order}`).all();
  }
  return out;
}

/** Live rows of a table (what the clerk sees). */
export function live(office: Office, table: string): Record<string, unknown>[] {
  return office.h.core.db.prepare(`SELECT * FROM "${table}" WHERE deleted_at IS NULL ORDER BY id`).all() as Record<
    string,
    unknown
  >[];
}

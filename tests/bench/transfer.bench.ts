import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/app/create-core';
import { DATABASE_FILE_NAME } from '../../electron/core/app/paths';
import { stagePackage, stagedName } from '../../electron/core/features/transfer/staging';
import { transferTables } from '../../electron/core/features/transfer/transfer-tables';
import type { BenchModule } from './bench-module';
import { copyScaleDatabase, ensureScaleDatabase, type ScaleShape } from './scale-data';

/** The package of the target: 10,000 units and 50,000 inspections (with their results). */
const TRANSFER_CASE: ScaleShape = { name: 'transfer', units: 10_000, plans: 25, inspections: 50_000, criteria: 20 };
const QUICK_TRANSFER: ScaleShape = { name: 'transfer-quick', units: 1_000, plans: 5, inspections: 5_000, criteria: 20 };

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/**
 * Sending and receiving a package between offices (targets in tests/bench/README.md): making it,
 * its preview, and its merge, beside the raw bulk insert of the same rows into the same schema in
 * one transaction (the merge must reach 30% of that rate).
 */
export const transferBench: BenchModule = {
  name: 'transfer',
  async run({ dir, seed, quick }) {
    const shape = quick ? QUICK_TRANSFER : TRANSFER_CASE;
    const scale = ensureScaleDatabase(shape, seed, { log: (line) => process.stderr.write(`  ${line}\n`) });
    const sourceDir = copyScaleDatabase(scale, path.join(dir, 'sender'));
    const sender = createCore({ dataDir: sourceDir, mode: 'test', appVersion: 'bench', validateOutput: false });
    const receiverDir = path.join(dir, 'receiver');
    const receiver = createCore({ dataDir: receiverDir, mode: 'test', appVersion: 'bench', validateOutput: false });
    const rawDir = path.join(dir, 'raw');
    const raw = createCore({ dataDir: rawDir, mode: 'test', appVersion: 'bench', validateOutput: false });
    try {
      receiver.services.settings.update({
        office: { name: 'UBND huyện (nhận)', parentBody: 'UBND tỉnh', placeName: 'Lộc Bình' },
      });

      // As a clerk does it: the package sealed into a file on a "stick", then opened from it.
      const stick = path.join(dir, 'stick');
      fs.mkdirSync(stick, { recursive: true });
      let started = performance.now();
      const file = await sender.services.transfer.send({
        scope: { kind: 'all' },
        recipientId: null,
        folder: stick,
        password: null,
      });
      const sendMs = performance.now() - started;
      const packageBytes = file.size;

      // The preview three times (a clerk may open a package, close it and open it again): the
      // median, as one run on a shared machine is noisy. The last one is applied.
      const previews: number[] = [];
      let opened: Awaited<ReturnType<typeof receiver.services.transfer.open>> | null = null;
      for (let run = 0; run < 3; run += 1) {
        started = performance.now();
        const received = await receiver.services.transfer.receive(file.path, file.fileName, null);
        if (received.state !== 'ready') throw new Error('the package asked for a password');
        previews.push(performance.now() - started);
        opened = received.preview;
      }
      if (!opened) throw new Error('no preview');
      const previewMs = [...previews].sort((a, b) => a - b)[1]!;

      started = performance.now();
      receiver.services.transfer.apply(opened.sessionId, []);
      const applyMs = performance.now() - started;

      // The raw comparison reads the same rows: the payload made again (not timed).
      const sent = await sender.services.transfer.makePackage({ kind: 'all' }, null);

      // The same rows, inserted raw into an empty database of the same schema (triggers and all).
      const tables = transferTables(raw.db);
      const staged = await stagePackage(sent.payload, path.join(dir, 'raw-staging.sqlite3'), raw.db, tables, 'none');
      const source = new Database(staged.file, { readonly: true });
      const rowsByTable = tables.map((table) => ({
        table,
        values: source
          .prepare(`SELECT * FROM ${stagedName(table.name)}`)
          .raw(true)
          .all() as unknown[][],
      }));
      source.close();
      let rows = 0;
      raw.db.pragma('foreign_keys = OFF');
      started = performance.now();
      raw.db.transaction(() => {
        for (const { table, values } of rowsByTable) {
          const columns = table.columns.map((column) => `"${column.name}"`).join(', ');
          const insert = raw.db.prepare(
            `INSERT OR REPLACE INTO "${table.name}" (${columns}) VALUES (${table.columns.map(() => '?').join(', ')})`,
          );
          for (const value of values) insert.run(value);
          rows += values.length;
        }
      })();
      const rawMs = performance.now() - started;
      raw.db.pragma('foreign_keys = ON');
      const mergeRate = rows / (applyMs / 1000);
      const rawRate = rows / (rawMs / 1000);
      return {
        package: { units: shape.units, inspections: shape.inspections, rows, bytes: packageBytes },
        sendSeconds: seconds(sendMs),
        previewSeconds: seconds(previewMs),
        previewRunsSeconds: previews.map(seconds),
        previewTargetSeconds: 5,
        applySeconds: seconds(applyMs),
        rawInsertSeconds: seconds(rawMs),
        mergeRowsPerSecond: Math.round(mergeRate),
        rawRowsPerSecond: Math.round(rawRate),
        mergeShareOfRaw: Math.round((mergeRate / rawRate) * 100) / 100,
        mergeShareTarget: 0.3,
        receiverFileBytes: fs.statSync(path.join(receiverDir, DATABASE_FILE_NAME)).size,
      };
    } finally {
      sender.close();
      receiver.close();
      raw.close();
    }
  },
};

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../electron/core/app/paths';
import { emptyUnitInput } from '../../../shared/domain/unit';
import { createReadyCore, type TestCore } from '../../support/core-harness';

async function addUnit(h: TestCore, name: string): Promise<void> {
  await h.call('registry.create', { unit: { ...emptyUnitInput('school'), name } });
}

async function names(h: TestCore): Promise<string[]> {
  return (await h.call('registry.list', {})).rows.map((unit) => unit.name);
}

describe('the core behind a replaceable holder', () => {
  const open: TestCore[] = [];
  afterEach(() => {
    for (const h of open.splice(0)) h.close();
  });

  it('puts another database in place under a running core; calls go on against the new one', async () => {
    const here = await createReadyCore();
    const there = await createReadyCore();
    open.push(here, there);
    await addUnit(here, 'Trường Tiểu học Hiệp Hạ');
    await addUnit(there, 'Trường THCS Tú Mịch');
    there.core.close();
    const replacement = path.join(there.dir, DATABASE_FILE_NAME);

    const { holder } = here.core;
    const oldServices = here.core.services;
    await holder.exclusive(() =>
      holder.reopen(() => {
        fs.copyFileSync(replacement, path.join(here.dir, DATABASE_FILE_NAME));
      }),
    );
    expect(await names(here)).toEqual(['Trường THCS Tú Mịch']);
    expect(here.core.services).not.toBe(oldServices);
    await addUnit(here, 'Trường Mầm non Lợi Bác');
    expect(await names(here)).toHaveLength(2);
  });

  it('holds new calls back while the database is replaced, and lets running ones finish first', async () => {
    const h = await createReadyCore();
    open.push(h);
    await addUnit(h, 'Trường A');
    const { holder } = h.core;
    const order: string[] = [];
    let releaseRunning!: () => void;
    const running = holder.run('test.slow', async () => {
      order.push('running:start');
      await new Promise<void>((resolve) => (releaseRunning = resolve));
      order.push('running:end');
    });
    await Promise.resolve();
    const swap = holder.exclusive(async () => {
      order.push('swap');
      await holder.reopen(() => undefined);
    });
    const later = holder.run('test.later', () => order.push('later'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['running:start']);
    releaseRunning();
    await Promise.all([running, swap, later]);
    expect(order).toEqual(['running:start', 'running:end', 'swap', 'later']);
    expect(await names(h)).toEqual(['Trường A']);
  });

  it('refuses calls, with a message, when the database in place cannot be opened', async () => {
    const h = await createReadyCore();
    open.push(h);
    const { holder } = h.core;
    await expect(
      holder.exclusive(() =>
        holder.reopen(() => fs.writeFileSync(path.join(h.dir, DATABASE_FILE_NAME), 'not a database at all')),
      ),
    ).rejects.toBeTruthy();
    const refused = await h.fail('registry.list', {});
    expect(refused.code).toBe('DB_CORRUPT');
  });
});

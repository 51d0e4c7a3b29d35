import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Logger } from '../../../electron/core/api/router';
import { allHandlers } from '../../../electron/core/app/handlers';
import { contract } from '../../../shared/api/contract';
import { createReadyCore, type TestCore } from '../../support/core-harness';

describe('the API router', () => {
  let harness: TestCore;
  beforeEach(async () => {
    harness = await createReadyCore();
  });
  afterEach(() => harness.close());

  it('answers every endpoint of the contract (no missing handler)', () => {
    const handlers = allHandlers(harness.core.services, harness.core.health);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses an unknown call by name, in Vietnamese', async () => {
    const error = await harness.fail('registry.dropAll', {});
    expect(error.code).toBe('UNKNOWN_CALL');
    expect(error.message).toBe('Yêu cầu không được hỗ trợ: registry.dropAll.');
  });

  it('validates payloads and names the fields, with i18n keys for the form', async () => {
    const error = await harness.fail('registry.create', {
      unit: {
        name: '   ',
        kind: 'school',
        schoolLevel: null,
        code: '',
        managingBody: 'education',
        parentId: null,
        headName: '',
        headTitle: '',
        address: '',
        phone: 'abc',
        active: true,
        notes: '',
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({
      'unit.name': 'validation.required',
      'unit.phone': 'registry.validation.phone',
    });
    expect(error.message).toContain('Không được để trống.');
    expect(error.message).toContain('Chưa có gì được lưu.');
    // In words only: the fields' paths mean nothing to a clerk (the form marks the fields).
    expect(error.message).not.toContain('unit.name');
  });

  it('refuses wrong types and extra junk without crashing', async () => {
    for (const payload of [null, 42, 'x', [], { unit: 'x' }, { unit: { name: { toString: 1 } } }]) {
      const error = await harness.fail('registry.create', payload);
      expect(error.code).toBe('VALIDATION');
    }
  });

  it('leaves Object.prototype alone when fed __proto__ and constructor keys', async () => {
    const payload: unknown = JSON.parse(
      '{"query":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    await harness.core.router.call('registry.list', payload);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers with the interface language', async () => {
    await harness.call('settings.update', { language: 'en' });
    const error = await harness.fail('registry.get', { id: '01930000-0000-7000-8000-000000000000' });
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Record not found (it may have been deleted elsewhere).',
    });
  });

  it('hides internal errors behind a plain message, and logs them', async () => {
    const logged: string[] = [];
    const logger: Logger = { error: (message) => logged.push(message), warn: () => undefined };
    const handlers = allHandlers(harness.core.services, harness.core.health);
    const router = createRouter(
      {
        ...handlers,
        'system.ping': () => {
          throw new Error('secret stack detail /home/user/file.ts:12');
        },
      },
      { language: () => 'vi', validateOutput: true, logger },
    );
    const result = await router.call('system.ping', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('secret');
      expect(result.error.message).toContain('Dữ liệu chưa bị thay đổi');
    }
    expect(logged).toHaveLength(1);
  });

  it('explains a locked or read-only database by naming the file and folder', async () => {
    const handlers = allHandlers(harness.core.services, harness.core.health);
    const failing = (code: string) =>
      createRouter(
        {
          ...handlers,
          'system.ping': () => {
            throw Object.assign(new Error(code), { code });
          },
        },
        {
          language: () => 'vi',
          validateOutput: true,
          logger: { error: () => undefined, warn: () => undefined },
          data: { file: '/du-lieu/klkchc.sqlite3', dir: '/du-lieu' },
        },
      );
    expect(await failing('SQLITE_BUSY').call('system.ping', {})).toMatchObject({
      ok: false,
      error: {
        code: 'DB_LOCKED',
        message: 'Tệp dữ liệu /du-lieu/klkchc.sqlite3 đang được một cửa sổ khác của ứng dụng sử dụng.',
      },
    });
    expect(await failing('SQLITE_READONLY').call('system.ping', {})).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', message: expect.stringContaining('thư mục dữ liệu /du-lieu (') as string },
    });
  });

  it('checks answers against the contract when asked to', async () => {
    const logged: string[] = [];
    const handlers = allHandlers(harness.core.services, harness.core.health);
    const router = createRouter(
      { ...handlers, 'system.ping': () => ({ pong: false }) as unknown as { pong: true } },
      { language: () => 'vi', validateOutput: true, logger: { error: (m) => logged.push(m), warn: () => undefined } },
    );
    const result = await router.call('system.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged[0]).toContain('does not match the contract');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { TEST_OFFICE, createTestCore, type TestCore } from '../../support/core-harness';

describe('settings', () => {
  let h: TestCore;
  afterEach(() => h.close());

  it('sets up the office once, cleaning the operator name like every other line of text', async () => {
    h = createTestCore();
    expect((await h.call('settings.get', {})).office).toBeNull();
    const settings = await h.call('settings.setupOffice', {
      office: TEST_OFFICE,
      operatorName: '  Nguyễn   Thị Thư '.normalize('NFD'),
    });
    expect(settings.operatorName).toBe('Nguyễn Thị Thư');
    expect(settings.office).toMatchObject({ ...TEST_OFFICE, id: h.core.services.settings.officeId() });
    const blank = await h.fail('settings.setupOffice', { office: { ...TEST_OFFICE, name: '   ' } });
    expect(blank.fields).toEqual({ 'office.name': 'validation.required' });
  });

  it('keeps the office id and language across a restart; errors follow the language', async () => {
    h = createTestCore();
    await h.call('settings.setupOffice', { office: TEST_OFFICE });
    const id = h.core.services.settings.officeId();
    await h.call('settings.update', { language: 'en' });
    h = await h.reopen();
    expect(h.core.services.settings.officeId()).toBe(id);
    expect((await h.call('settings.get', {})).language).toBe('en');
    expect((await h.fail('registry.get', { id })).message).toMatch(/^Record not found/);
  });
});

import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/src/i18n/i18n';

describe('numbers in the interface text', () => {
  it('writes counts as the language does, and leaves years and other numbers as they are', async () => {
    const i18n = await initI18n('vi');
    expect(i18n.t('registry.count', { shown: 10020 })).toBe('10.020 đơn vị');
    expect(i18n.t('unitImport.preview.all', { count: 10000 })).toBe('Tất cả (10.000)');
    expect(i18n.t('plans.periods.calendarYear', { year: 2019 })).toBe('Năm 2019');
    expect(i18n.t('statistics.month', { month: 9, year: 2019 })).toBe('T9/2019');
    await i18n.changeLanguage('en');
    expect(i18n.t('unitImport.preview.apply', { count: 1 })).toBe('Import (1 unit)');
    expect(i18n.t('unitImport.preview.apply', { count: 10022 })).toBe('Import (10,022 units)');
  });
});

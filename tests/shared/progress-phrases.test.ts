import { describe, expect, it } from 'vitest';
import { breakdownSentence, coverageSentence } from '../../shared/domain/progress-phrases';
import { percent, targetUnits } from '../../shared/domain/progress';
import { translate } from '../../shared/i18n/translate';

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key, params);
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

describe("the story's progress sentences", () => {
  it('says "28/81 đơn vị, đạt 35% kế hoạch"', () => {
    expect(coverageSentence(vi, { inspected: 28, scope: 81, targetUnits: targetUnits(81, 100) })).toBe(
      '28/81 đơn vị, đạt 35% kế hoạch',
    );
    expect(coverageSentence(en, { inspected: 28, scope: 81, targetUnits: 81 })).toBe('28/81 units, 35% of the plan');
    expect(coverageSentence(vi, { inspected: 0, scope: 0, targetUnits: 0 })).toBe('0/0 đơn vị, đạt 0% kế hoạch');
  });

  it('says "21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn"', () => {
    expect(breakdownSentence(vi, { department: 6, commune: 15 })).toBe(
      '21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn',
    );
    expect(breakdownSentence(en, { department: 6, commune: 15 })).toBe(
      "21 agencies: 6 district departments and 15 commune/town People's Committees",
    );
    expect(breakdownSentence(en, { department: 1, commune: 1 })).toBe(
      "2 agencies: 1 district department and 1 commune/town People's Committee",
    );
  });

  it('names schools alone, a mix as units, and separates three kinds with semicolons', () => {
    expect(breakdownSentence(vi, { school: 28 })).toBe('28 trường');
    expect(breakdownSentence(vi, { school: 2, department: 1 })).toBe('3 đơn vị: 1 phòng chuyên môn và 2 trường');
    expect(breakdownSentence(vi, { department: 1, commune: 2, publicService: 3 })).toBe(
      '6 cơ quan: 1 phòng chuyên môn; 2 UBND xã, thị trấn và 3 đơn vị sự nghiệp',
    );
    expect(breakdownSentence(vi, {})).toBe('0 đơn vị');
  });

  it('breaks schools down by level, a PTDTBT THCS among the THCS', () => {
    expect(breakdownSentence(vi, { school: 28 }, { preschool: 6, primary: 12, lowerSecondary: 10 })).toBe(
      '28 trường: 6 trường mầm non, 12 trường tiểu học và 10 trường THCS',
    );
    expect(breakdownSentence(vi, { school: 10 }, { lowerSecondary: 10 })).toBe('10 trường THCS');
    expect(breakdownSentence(vi, { school: 1 }, { multiLevel: 1 })).toBe('1 trường liên cấp');
    expect(breakdownSentence(vi, { school: 3, department: 1 }, { primary: 1, lowerSecondary: 2 })).toBe(
      '4 đơn vị: 1 phòng chuyên môn và 3 trường (1 trường tiểu học và 2 trường THCS)',
    );
    expect(breakdownSentence(en, { school: 3 }, { preschool: 1, lowerSecondary: 2 })).toBe(
      '3 schools: 1 pre-school and 2 lower secondary schools',
    );
    // Without levels, as before.
    expect(breakdownSentence(vi, { school: 28 }, {})).toBe('28 trường');
  });

  it('rounds percentages as the story does and sizes the target', () => {
    expect(percent(28, 81)).toBe(35);
    expect(percent(1, 3)).toBe(33);
    expect(targetUnits(81, 80)).toBe(65);
    expect(targetUnits(10, 70)).toBe(7);
  });
});

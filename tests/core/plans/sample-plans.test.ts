import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { breakdownSentence, coverageSentence, inspectedByKind } from '../../../shared/domain/progress-phrases';
import { translate } from '../../../shared/i18n/translate';
import { createReadyCore, type TestCore } from '../../support/core-harness';

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key, params);

describe('the sample plans loaded with the sample district', () => {
  let h: TestCore;
  beforeEach(async () => {
    h = await createReadyCore();
  });
  afterEach(() => h.close());

  it("tells the story's figures, once, and goes away with the sample", async () => {
    await h.call('registry.loadSample', {});
    const overview = await h.call('progress.overview', {});
    expect(overview.plans.map((plan) => plan.title)).toEqual([
      'Kiểm tra KLKCHC năm 2019 tại các cơ quan, đơn vị hành chính',
      'Kiểm tra KLKCHC năm học 2019–2020',
    ]);
    const [district, schools] = overview.plans;
    expect(coverageSentence(vi, schools!)).toBe('28/81 đơn vị, đạt 35% kế hoạch');
    expect(coverageSentence(vi, district!)).toBe('21/30 đơn vị, đạt 70% kế hoạch');
    expect(breakdownSentence(vi, inspectedByKind(district!.byKind))).toBe(
      '21 cơ quan: 6 phòng chuyên môn và 15 UBND xã, thị trấn',
    );
    expect(schools).toMatchObject({ drafts: 2, isSample: true });
    expect(schools!.reinspectionsPlanned + district!.reinspectionsPlanned).toBeGreaterThan(0);
    expect(h.core.services.progress.overview()).toEqual(h.core.services.progress.overviewRecomputed());

    // Loading again adds nothing.
    await h.call('registry.loadSample', {});
    expect((await h.call('plans.list', {})).length).toBe(2);

    const removed = await h.call('registry.removeSample', {});
    expect(removed.kept).toBe(0);
    expect(await h.call('plans.list', {})).toEqual([]);
    expect((await h.call('officials.list', { active: 'all' })).total).toBe(0);
    expect((await h.call('progress.overview', {})).plans).toEqual([]);
    expect((await h.call('registry.counts', {})).total).toBe(0);
  });
});

describe('finding plans', () => {
  it('matches word starts in any order, without diacritics', async () => {
    const h = await createReadyCore();
    try {
      await h.call('registry.loadSample', {});
      const titles = async (query: string) => (await h.call('plans.list', { query })).map((plan) => plan.title);
      expect(await titles('nam hoc kiem')).toEqual(['Kiểm tra KLKCHC năm học 2019–2020']);
      expect(await titles('2019 co quan')).toEqual(['Kiểm tra KLKCHC năm 2019 tại các cơ quan, đơn vị hành chính']);
      expect(await titles('am hoc')).toEqual([]);
    } finally {
      h.close();
    }
  });
});

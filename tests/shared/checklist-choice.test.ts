import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistTarget } from '../../shared/domain/checklist';
import { defaultChecklistId, isEducationBody } from '../../shared/domain/checklist-choice';

function checklist(id: string, target: ChecklistTarget, extra: Partial<Checklist> = {}): Checklist {
  return {
    id,
    createdAt: '',
    updatedAt: '',
    rev: '1',
    name: id,
    target,
    description: '',
    isDefault: false,
    active: true,
    latestVersionId: `${id}-v1`,
    latestVersionNo: 1,
    versionCount: 1,
    criterionCount: 10,
    latestLocked: false,
    ...extra,
  };
}

// The list as the core sorts it: the agencies' checklist first.
const shipped = [
  checklist('agencies', 'agency', { isDefault: true }),
  checklist('schools', 'school', { isDefault: true }),
  checklist('own-schools', 'school'),
];

describe('the checklist a new plan starts with', () => {
  it('recognises an education bureau however its name is written', () => {
    for (const name of [
      'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      'Phòng GD&ĐT huyện Lộc Bình',
      'PHÒNG GD & ĐT',
      'Phòng GDĐT',
      'Phòng GD-ĐT',
      'PGD&ĐT Lộc Bình',
    ]) {
      expect(isEducationBody(name), name).toBe(true);
    }
    for (const name of ['UBND huyện Lộc Bình', 'Phòng Nội vụ', 'Văn phòng HĐND và UBND huyện', 'Phòng Tư pháp']) {
      expect(isEducationBody(name), name).toBe(false);
    }
  });

  it('is the schools’ shipped checklist for an education bureau or a scope of schools, else the agencies’', () => {
    expect(defaultChecklistId(shipped, { issuer: 'Phòng GD&ĐT huyện Lộc Bình' })).toBe('schools');
    expect(defaultChecklistId(shipped, { issuer: 'UBND huyện Lộc Bình' })).toBe('agencies');
    expect(defaultChecklistId(shipped, { issuer: 'UBND huyện Lộc Bình', scopeKinds: ['school', 'school'] })).toBe(
      'schools',
    );
    expect(defaultChecklistId(shipped, { issuer: 'UBND huyện Lộc Bình', scopeKinds: ['school', 'commune'] })).toBe(
      'agencies',
    );
  });

  it('falls back to a checklist for any unit, then to whatever is there', () => {
    const own = [checklist('agencies', 'agency'), checklist('all', 'any')];
    expect(defaultChecklistId(own, { issuer: 'Phòng Giáo dục và Đào tạo' })).toBe('all');
    expect(defaultChecklistId([checklist('agencies', 'agency')], { issuer: 'Phòng GD&ĐT' })).toBe('agencies');
    expect(defaultChecklistId([], { issuer: 'Phòng GD&ĐT' })).toBe('');
  });
});

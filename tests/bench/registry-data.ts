import type { Core } from '../../electron/core/app/create-core';
import { newRowMeta } from '../../electron/core/db/row-meta';

import { UNIT_KINDS, type UnitInput, type UnitKind } from '../../shared/domain/unit';
import { seededRandom } from './measure';
import {
  COMMUNES as PLACES,
  FAMILY_NAMES as FAMILY,
  GIVEN_NAMES as GIVEN,
} from '../../electron/core/features/registry/sample-data';

const DISTRICTS = [
  'Lộc Bình',
  'Đình Lập',
  'Cao Lộc',
  'Văn Lãng',
  'Tràng Định',
  'Bình Gia',
  'Bắc Sơn',
  'Hữu Lũng',
  'Chi Lăng',
  'Văn Quan',
];

/** Deterministic units for benchmarks: `count` units across ten districts, in one transaction. */
export function generateUnits(core: Core, count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const officeId = core.services.settings.officeId();
  const now = new Date('2026-01-15T08:00:00Z');
  const ids: string[] = [];
  core.db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const kind: UnitKind = index % 10 < 7 ? 'school' : pick(UNIT_KINDS);
      const place = `${pick(PLACES)} ${Math.floor(index / 200) + 1}`;
      const district = DISTRICTS[index % DISTRICTS.length] ?? 'Lộc Bình';
      const name =
        kind === 'school'
          ? `Trường ${pick(['Mầm non', 'Tiểu học', 'THCS', 'TH và THCS'])} ${place} (${district})`
          : kind === 'commune'
            ? `UBND xã ${place} (${district})`
            : `${pick(['Phòng Nội vụ', 'Phòng Tư pháp', 'Trung tâm Văn hóa', 'Ban Quản lý dự án'])} ${district} ${index}`;
      const input: UnitInput = {
        code: `U${String(index).padStart(5, '0')}`,
        name,
        kind,
        schoolLevel: kind === 'school' ? 'primary' : null,
        schoolType: kind === 'school' ? 'regular' : null,
        managingBody: kind === 'school' ? 'education' : 'district',
        parentId: null,
        headName: `${pick(FAMILY)} Văn ${pick(GIVEN)}`,
        headTitle: kind === 'school' ? 'Hiệu trưởng' : 'Trưởng phòng',
        address: `Xã ${place}, huyện ${district}`,
        phone: '0205 3840 123',
        active: random() > 0.05,
        notes: '',
      };
      const meta = newRowMeta(now, officeId);
      core.services.registry.repo.units.insertRow(meta, { ...input, isSample: false });
      ids.push(meta.id);
    }
  })();
  return ids;
}

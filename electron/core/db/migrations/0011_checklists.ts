import { createHash } from 'node:crypto';
import type { Migration } from './types';

/**
 * Checklists (bộ tiêu chí) in versions, and the two default checklists (for agencies and for schools).
 *
 * The defaults get ids derived from a fixed namespace and their names (a name-based UUID,
 * RFC 9562 version 5), a fixed creation time, revision and office, so every office starts
 * with the SAME rows: two offices that later exchange data share one default checklist
 * instead of holding two copies. Everything here is literal and must never change.
 */

const NAMESPACE = 'klkchc:default-checklists:2019';
const SHIPPED_AT = '2019-08-15T00:00:00.000Z';
/** "Shipped with the app", not any office. */
const SHIPPED_BY = '00000000-0000-0000-0000-000000000000';

function nameUuid(name: string): string {
  const hash = createHash('sha1').update(`${NAMESPACE}\n${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function shippedRev(id: string): string {
  return `1-${createHash('sha1').update(`rev:${id}`).digest('hex').slice(0, 16)}`;
}

interface DefaultChecklist {
  key: string;
  name: string;
  target: 'agency' | 'school';
  description: string;
  groups: [string, string[]][];
}

const DEFAULTS: DefaultChecklist[] = [
  {
    key: 'agency',
    name: 'Bộ tiêu chí kiểm tra KLKCHC đối với cơ quan, đơn vị',
    target: 'agency',
    description:
      'Dùng cho phòng chuyên môn thuộc UBND huyện, UBND xã, thị trấn và đơn vị sự nghiệp. Căn cứ Chỉ thị 26/CT-TTg và Chỉ thị 02/CT-UBND.',
    groups: [
      [
        'Tuyên truyền, quán triệt và ban hành văn bản',
        [
          'Tổ chức tuyên truyền, quán triệt các văn bản về KLKCHC đến cán bộ, công chức, viên chức',
          'Ban hành nội quy, quy chế làm việc của cơ quan',
          'Ban hành quy chế chi tiêu nội bộ',
          'Ban hành quy chế thực hiện dân chủ ở cơ sở',
          'Ban hành quy định văn hóa công sở, quy tắc ứng xử',
        ],
      ],
      [
        'Thủ tục hành chính',
        [
          'Niêm yết đầy đủ, đúng quy định bộ thủ tục hành chính thuộc thẩm quyền giải quyết',
          'Thay thế, bổ sung kịp thời thủ tục hành chính khi có thay đổi',
          'Vị trí niêm yết thuận lợi cho tổ chức, cá nhân tra cứu',
          'Công khai số điện thoại đường dây nóng, hộp thư góp ý',
          'Bộ phận tiếp nhận và trả kết quả (một cửa) hoạt động đúng quy định (UBND xã, thị trấn)',
        ],
      ],
      [
        'Thời gian làm việc và tác phong',
        [
          'Chấp hành quy định về giờ làm việc (không đi muộn, về sớm)',
          'Đeo thẻ công chức, viên chức trong khi thi hành công vụ',
          'Trang phục, giao tiếp, ứng xử nơi công sở',
          'Không sử dụng đồ uống có cồn trong giờ làm việc và giờ nghỉ trưa',
        ],
      ],
      ['Văn thư, lưu trữ', ['Sắp xếp, lưu trữ giấy tờ, văn bản, sổ ghi chép khoa học']],
      [
        'Thực hiện nhiệm vụ',
        [
          'Giải quyết công việc được cấp trên giao đúng hạn',
          'Giải quyết kịp thời, khách quan ý kiến, kiến nghị của cử tri, công dân',
          'Vai trò nêu gương của người đứng đầu',
        ],
      ],
    ],
  },
  {
    key: 'school',
    name: 'Bộ tiêu chí kiểm tra KLKCHC đối với trường học',
    target: 'school',
    description:
      'Dùng cho các trường mầm non, tiểu học, THCS, liên cấp, PTDTBT; kiểm tra gắn với đánh giá thực hiện nhiệm vụ năm học.',
    groups: [
      [
        'Văn bản, quy chế',
        [
          'Ban hành nội quy nhà trường',
          'Ban hành quy chế hoạt động',
          'Ban hành quy chế chi tiêu nội bộ',
          'Ban hành quy chế thực hiện dân chủ trong trường học',
          'Ban hành quy tắc ứng xử trong trường học',
        ],
      ],
      [
        'Công khai',
        [
          'Bảng "3 công khai": cam kết chất lượng giáo dục',
          'Bảng "3 công khai": điều kiện đảm bảo chất lượng giáo dục',
          'Bảng "3 công khai": thu, chi tài chính',
          'Niêm yết thủ tục (chuyển trường, xét chế độ bán trú, …)',
        ],
      ],
      [
        'Tác phong, lề lối làm việc',
        [
          'Giờ giấc của cán bộ, giáo viên (không đến trường, đến lớp muộn)',
          'Đeo thẻ viên chức trong giờ làm việc',
          'Thực hiện quy tắc ứng xử tại nơi làm việc',
        ],
      ],
      ['Hồ sơ, sổ sách', ['Sắp xếp, lưu trữ hồ sơ, sổ sách khoa học']],
      ['Thực hiện nhiệm vụ năm học', ['Thực hiện nhiệm vụ năm học (đánh giá gắn với kiểm tra)']],
    ],
  },
];

export const migration0011: Migration = {
  version: 11,
  name: 'checklists',
  up(db) {
    db.exec(`
      CREATE TABLE checklists (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (length(name) > 0),
        target TEXT NOT NULL CHECK (target IN ('agency', 'school', 'any')),
        description TEXT NOT NULL DEFAULT '',
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;

      -- Not unique: two offices may each make "version 2" before they exchange data; the
      -- newest is then the highest number, ties broken by id (see checklist-repo.ts).
      CREATE TABLE checklist_versions (
        id TEXT PRIMARY KEY NOT NULL,
        checklist_id TEXT NOT NULL REFERENCES checklists (id),
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX checklist_versions_checklist ON checklist_versions (checklist_id, version_no) WHERE deleted_at IS NULL;

      CREATE TABLE checklist_groups (
        id TEXT PRIMARY KEY NOT NULL,
        version_id TEXT NOT NULL REFERENCES checklist_versions (id),
        position INTEGER NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX checklist_groups_version ON checklist_groups (version_id, position) WHERE deleted_at IS NULL;

      -- lineage_id: the id of the criterion in the version where it first appeared; its copies
      -- in later versions keep it, so results compare across versions.
      CREATE TABLE checklist_criteria (
        id TEXT PRIMARY KEY NOT NULL,
        version_id TEXT NOT NULL REFERENCES checklist_versions (id),
        group_id TEXT NOT NULL REFERENCES checklist_groups (id),
        lineage_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(text) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        changed_by_office TEXT NOT NULL,
        rev TEXT NOT NULL,
        rev_history TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX checklist_criteria_version ON checklist_criteria (version_id, group_id, position) WHERE deleted_at IS NULL;
      CREATE INDEX checklist_criteria_group ON checklist_criteria (group_id);
      CREATE INDEX checklist_criteria_lineage ON checklist_criteria (lineage_id);
    `);

    const meta = (id: string) => ({
      id,
      created_at: SHIPPED_AT,
      updated_at: SHIPPED_AT,
      changed_by_office: SHIPPED_BY,
      rev: shippedRev(id),
    });
    const insertChecklist = db.prepare(`
      INSERT INTO checklists (id, name, target, description, is_default, active,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @name, @target, @description, 1, 1, @created_at, @updated_at, @changed_by_office, @rev, '[]')`);
    const insertVersion = db.prepare(`
      INSERT INTO checklist_versions (id, checklist_id, version_no, note,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @checklist_id, 1, '', @created_at, @updated_at, @changed_by_office, @rev, '[]')`);
    const insertGroup = db.prepare(`
      INSERT INTO checklist_groups (id, version_id, position, title,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @version_id, @position, @title, @created_at, @updated_at, @changed_by_office, @rev, '[]')`);
    const insertCriterion = db.prepare(`
      INSERT INTO checklist_criteria (id, version_id, group_id, lineage_id, position, text,
        created_at, updated_at, changed_by_office, rev, rev_history)
      VALUES (@id, @version_id, @group_id, @id, @position, @text,
        @created_at, @updated_at, @changed_by_office, @rev, '[]')`);

    for (const checklist of DEFAULTS) {
      const checklistId = nameUuid(`checklist:${checklist.key}`);
      const versionId = nameUuid(`checklist:${checklist.key}:v1`);
      insertChecklist.run({
        ...meta(checklistId),
        name: checklist.name,
        target: checklist.target,
        description: checklist.description,
      });
      insertVersion.run({ ...meta(versionId), checklist_id: checklistId });
      checklist.groups.forEach(([title, criteria], groupIndex) => {
        const groupId = nameUuid(`checklist:${checklist.key}:v1:group:${groupIndex + 1}`);
        insertGroup.run({ ...meta(groupId), version_id: versionId, position: groupIndex + 1, title });
        criteria.forEach((text, criterionIndex) => {
          const criterionId = nameUuid(
            `checklist:${checklist.key}:v1:group:${groupIndex + 1}:criterion:${criterionIndex + 1}`,
          );
          insertCriterion.run({
            ...meta(criterionId),
            version_id: versionId,
            group_id: groupId,
            position: criterionIndex + 1,
            text,
          });
        });
      });
    }
  },
};

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/core/kernel/clock';
import { createReadyCore, type TestCore } from '../../support/core-harness';
import { addUnit, finaliseFor, inspectionOf, makePlan } from '../plans/planning-fixtures';
import { flat, forbiddenWords, missingInOrder, pdfInfo, pdfPages } from '../documents/pdf-tools';

/**
 * The minutes through the API, on a real core: from a recorded inspection (its plan, unit,
 * checklist version and team) to the PDF, the .docx and the printable HTML, numbered per plan
 * and year.
 */

let h: TestCore;
let planId: string;
let otherPlanId: string;
let units: string[];
let ids: string[];

function pdfOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

beforeAll(async () => {
  h = await createReadyCore({ clock: fixedClock('2019-10-15T01:30:00Z', 1000) });
  units = [
    await addUnit(h, 'Trường Tiểu học Hiệp Hạ'),
    await addUnit(h, 'Trường Mầm non Lợi Bác'),
    await addUnit(h, 'Trường THCS Thị trấn Na Dương'),
    await addUnit(h, 'Trường PTDTBT Tiểu học Mẫu Sơn'),
  ];
  ({ planId } = await makePlan(h, units, {
    legalBasis: 'Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ',
    decisionSignerTitle: 'Trưởng phòng Giáo dục và Đào tạo',
  }));
  ids = [];
  ids.push(await finaliseFor(h, planId, units[0]!, { date: '2019-10-15' }));
  ids.push(await finaliseFor(h, planId, units[1]!, { date: '2019-10-20' }));
  ids.push(await finaliseFor(h, planId, units[2]!, { date: '2019-10-25' }));
  ids.push(await inspectionOf(h, planId, units[3]!)); // still planned
  ({ planId: otherPlanId } = await makePlan(h, [units[0]!], { title: 'Kiểm tra đột xuất 2019' }));
});
afterAll(() => h.close());

describe('the minutes of a recorded inspection', () => {
  it('print the inspection, its plan, unit, team and results, numbered 01 in the plan and year', async () => {
    const preview = await h.call('minutes.preview', { inspectionId: ids[0]! });
    expect(preview.numberText).toBe('01/BB-ĐKT');
    expect(preview.numberTyped).toBe(false);
    expect(preview.fileName).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ');
    const pdf = pdfOf(preview.pdfBase64);
    expect(pdfInfo(pdf).pages).toBe(preview.pageCount);
    const text = pdfPages(pdf).join('\n');
    expect(
      missingInOrder(text, [
        // The plan's issuer formed the team (Phòng GD&ĐT), not the office's parent (UBND huyện).
        'PHÒNG GD&ĐT',
        'HUYỆN LỘC BÌNH',
        'ĐOÀN KIỂM TRA',
        'Số: 01/BB-ĐKT',
        'Lộc Bình, ngày 15 tháng 10 năm 2019',
        'BIÊN BẢN',
        'Trường Tiểu học Hiệp Hạ',
        'Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ;',
        'Thực hiện Quyết định số 125/QĐ-PGDĐT ngày 10/9/2019 của Trưởng phòng Giáo dục và Đào tạo',
        'năm học 2019–2020',
        'Hôm nay, vào hồi 08 giờ 00 ngày 15 tháng 10 năm 2019, tại Trường Tiểu học Hiệp Hạ',
        'Nguyễn Văn An – Phó Trưởng phòng – Trưởng đoàn;',
        'Hoàng Thị Mai – Chuyên viên – Thư ký.',
        'Hiệu trưởng Trường Tiểu học Hiệp Hạ',
        'II. NỘI DUNG KIỂM TRA',
        '1.1',
        'Chưa đạt',
        'Chưa niêm yết đầy đủ',
        'Đạt',
        'Việc niêm yết thủ tục chưa đầy đủ.',
        '4. Kết luận',
        'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.',
        'IV. KIẾN NGHỊ, YÊU CẦU',
        'Niêm yết đầy đủ bộ thủ tục. Thời hạn khắc phục và báo cáo kết quả: ngày 15 tháng 11 năm 2019.',
        'Biên bản kết thúc vào hồi 10 giờ 30 cùng ngày',
        'TRƯỞNG ĐOÀN',
        'Nguyễn Văn An',
        'THƯ KÝ',
        'Hoàng Thị Mai',
        'Nơi nhận:',
        '- Lưu: VT, Hồ sơ.',
      ]),
    ).toBeNull();
    expect(forbiddenWords(text)).toEqual([]);
    // The checklist's groups and criteria, in the version the inspection was checked against.
    const detail = await h.call('inspections.get', { id: ids[0]! });
    for (const group of detail.checklist.groups) expect(flat(text)).toContain(group.title.slice(0, 30));
    // Made again, the same number: a number is given once.
    expect((await h.call('minutes.preview', { inspectionId: ids[0]! })).numberText).toBe('01/BB-ĐKT');
  });

  it('number per plan and year, never reuse a number, and accept a clerk’s own', async () => {
    expect((await h.call('minutes.preview', { inspectionId: ids[1]! })).numberText).toBe('02/BB-ĐKT');
    // Another plan counts from 1.
    const other = await finaliseFor(h, otherPlanId, units[0]!, { date: '2019-11-02' });
    expect((await h.call('minutes.preview', { inspectionId: other })).numberText).toBe('01/BB-ĐKT');
    // The clerk renumbers the second minutes 07; 02 stays spent, the next one is 08.
    expect(await h.call('minutes.setNumber', { inspectionId: ids[1]!, number: 7 })).toEqual({
      numberText: '07/BB-ĐKT',
    });
    expect((await h.call('minutes.preview', { inspectionId: ids[2]! })).numberText).toBe('08/BB-ĐKT');
    // 02 was given (then released): nobody gets it again; 01 and 08 are held.
    for (const [inspectionId, number] of [
      [ids[2]!, 1],
      [ids[2]!, 2],
      [ids[0]!, 8],
    ] as const) {
      const error = await h.fail('minutes.setNumber', { inspectionId, number });
      expect(error.code).toBe('minutes.NUMBER_TAKEN');
      expect(error.message).toContain('không được dùng lại');
    }
    // The inspection that once had 02 may take it back.
    expect(await h.call('minutes.setNumber', { inspectionId: ids[1]!, number: 2 })).toEqual({
      numberText: '02/BB-ĐKT',
    });
    const invalid = await h.fail('minutes.setNumber', { inspectionId: ids[1]!, number: 0 });
    expect(invalid.code).toBe('VALIDATION');
    // Numbers survive a restart.
    h = await h.reopen();
    expect((await h.call('minutes.preview', { inspectionId: ids[1]! })).numberText).toBe('02/BB-ĐKT');
  });

  it('leave the number blank on the form of an inspection not yet recorded', async () => {
    const preview = await h.call('minutes.preview', { inspectionId: ids[3]! });
    expect(preview.numberText).toBe('');
    const text = flat(pdfPages(pdfOf(preview.pdfBase64)).join('\n'));
    expect(text).toContain('Số: …');
    expect(text).toContain('Lộc Bình, ngày …');
    expect(text).toContain('Trường PTDTBT Tiểu học Mẫu Sơn');
    expect(forbiddenWords(text)).toEqual([]);
  });

  it('say "tái kiểm tra" for a re-inspection', async () => {
    const { id } = await h.call('inspections.planReinspection', { originalId: ids[0]!, plannedDate: '2019-12-10' });
    const text = flat(pdfPages(pdfOf((await h.call('minutes.preview', { inspectionId: id })).pdfBase64)).join('\n'));
    expect(text).toContain('Tái kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính tại Trường Tiểu học Hiệp Hạ');
    expect(text).toContain('Đoàn kiểm tra tiến hành tái kiểm tra việc thực hiện');
  });

  it('use the number typed in the record, and keep automatic numbering clear of it', async () => {
    const unit = await addUnit(h, 'Trường Tiểu học Tú Đoạn');
    await h.call('plans.addScope', { planId, selection: { unitIds: [unit] } });
    const id = await inspectionOf(h, planId, unit);
    const started = await h.call('inspections.start', { id });
    await h.call('inspections.saveDraft', {
      id,
      rev: started.rev,
      editorId: 'typed-number',
      seq: 1,
      content: { ...started.content, inspectionDate: '2019-10-28', minutesNumber: '12/BB-ĐKT' },
    });
    const preview = await h.call('minutes.preview', { inspectionId: id });
    expect(preview).toMatchObject({ numberText: '12/BB-ĐKT', numberTyped: true });
    expect(flat(pdfPages(pdfOf(preview.pdfBase64)).join('\n'))).toContain('Số: 12/BB-ĐKT');
    expect((await h.fail('minutes.setNumber', { inspectionId: id, number: 3 })).code).toBe('minutes.NUMBER_TYPED');
    // The next automatic number goes past 12.
    const next = await addUnit(h, 'Trường Mầm non Khánh Xuân');
    await h.call('plans.addScope', { planId, selection: { unitIds: [next] } });
    const nextId = await finaliseFor(h, planId, next, { date: '2019-10-29' });
    expect((await h.call('minutes.preview', { inspectionId: nextId })).numberText).toBe('13/BB-ĐKT');
  });

  it('export the same document as .docx, .pdf and printable HTML', async () => {
    const docx = await h.call('minutes.exportDocx', { inspectionId: ids[0]! });
    expect(docx.fileName).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.docx');
    const docxBytes = fs.readFileSync(h.core.files.download(docx.downloadId).path);
    expect(docxBytes.subarray(0, 2).toString()).toBe('PK');
    const pdf = await h.call('minutes.exportPdf', { inspectionId: ids[0]! });
    expect(pdf.fileName).toBe('Biên bản 01-BB-ĐKT Trường Tiểu học Hiệp Hạ.pdf');
    expect(fs.readFileSync(h.core.files.download(pdf.downloadId).path).subarray(0, 5).toString()).toBe('%PDF-');
    const html = await h.call('minutes.printHtml', { inspectionId: ids[0]! });
    expect(html.fileName.endsWith('.html')).toBe(true);
    const page = fs.readFileSync(h.core.files.download(html.downloadId).path, 'utf8');
    expect(page).toContain("font-family: 'KLKCHC Tinos'");
    expect(page).toContain('data:font/woff2;base64,');
    expect(page).toContain('@top-center');
    expect(page).not.toMatch(/<script|https?:\/\//i);
  });
});

describe('document settings', () => {
  it('default to the office, are validated, and show in the header (its first line only for a plan without an issuer)', async () => {
    const defaults = await h.call('minutes.settings.get', {});
    expect(defaults).toMatchObject({
      parentBody: '',
      issuingBody: 'ĐOÀN KIỂM TRA',
      numberSymbol: 'BB-ĐKT',
      copies: 2,
      secretarySigns: true,
      officeParentBody: 'UBND huyện Lộc Bình',
      officePlaceName: 'Lộc Bình',
    });
    const bad = await h.fail('minutes.settings.update', {
      ...defaults,
      numberSymbol: 'bb/đkt',
      copies: 0,
      issuingBody: ' ',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['copies', 'issuingBody', 'numberSymbol']);
    expect(bad.message).toContain('Chỉ gồm chữ in hoa');
    const saved = await h.call('minutes.settings.update', {
      parentBody: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
      issuingBody: 'Đoàn kiểm tra KLKCHC',
      placeName: 'Na Dương',
      numberSymbol: 'BB-KTKL',
      copies: 3,
      recipients: '- Trưởng phòng GD&ĐT (để b/c);\nĐơn vị được kiểm tra',
      secretarySigns: false,
    });
    expect(saved.copies).toBe(3);
    const text = flat(
      pdfPages(pdfOf((await h.call('minutes.preview', { inspectionId: ids[2]! })).pdfBase64)).join('\n'),
    );
    expect(
      missingInOrder(text, [
        // The plan's line, not the settings' fallback.
        'PHÒNG GD&ĐT',
        'HUYỆN LỘC BÌNH',
        'ĐOÀN KIỂM TRA KLKCHC',
        'Số: 08/BB-KTKL',
        'Na Dương, ngày 25 tháng 10 năm 2019',
        'được lập thành 03 bản, đơn vị được kiểm tra giữ 01 bản, Đoàn kiểm tra giữ 02 bản./.',
        'Nơi nhận:',
        '- Trưởng phòng GD&ĐT (để b/c);',
        '- Đơn vị được kiểm tra;',
        '- Lưu: VT, Hồ sơ.',
      ]),
    ).toBeNull();
    expect(text).not.toContain('THƯ KÝ');
    expect(text).not.toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    // Back to the defaults for the tests that follow.
    await h.call('minutes.settings.update', { ...defaults, parentBody: '', placeName: '' });
  });
});

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { headerParentBody } from '../../../electron/core/features/minutes/build-document';
import { createTestCore, type TestCore } from '../../support/core-harness';
import { addUnit, finaliseFor, makePlan } from '../plans/planning-fixtures';
import { openDocx } from '../documents/docx-tools';
import { flat, pdfPages } from '../documents/pdf-tools';

/**
 * The line above "ĐOÀN KIỂM TRA" names the body that formed the team (the plan's issuer), not
 * the parent of the office that keeps the data: the same office prints a district team's and a
 * bureau team's minutes under different heads.
 */

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function office(parentBody: string, name: string): Promise<TestCore> {
  const h = createTestCore();
  cores.push(h);
  await h.call('settings.setupOffice', { office: { name, parentBody, placeName: 'Lộc Bình' }, operatorName: 'Thư' });
  return h;
}

/**
 * The left column of the header (the bodies), from the PDF and from the .docx: the text above
 * "Số:" without the national name and motto, which the PDF reads interleaved with it.
 */
function leftHeader(text: string): string {
  return flat(
    (text.split('Số:')[0] ?? '')
      .replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', ' ')
      .replace('Độc lập - Tự do - Hạnh phúc', ' '),
  ).trim();
}

async function printedHeader(h: TestCore, inspectionId: string): Promise<{ pdf: string; docx: string }> {
  const preview = await h.call('minutes.preview', { inspectionId });
  const pdf = pdfPages(new Uint8Array(Buffer.from(preview.pdfBase64, 'base64'))).join('\n');
  const exported = await h.call('minutes.exportDocx', { inspectionId });
  const { text: docx } = await openDocx(fs.readFileSync(h.core.files.download(exported.downloadId).path));
  return { pdf: leftHeader(pdf), docx: leftHeader(docx) };
}

async function recorded(
  h: TestCore,
  plan: Parameters<typeof makePlan>[2],
  unitName: string,
  kind: 'school' | 'commune',
) {
  const unitId = await addUnit(h, unitName, kind);
  const { planId } = await makePlan(h, [unitId], plan);
  return { planId, inspectionId: await finaliseFor(h, planId, unitId, { date: '2019-10-15' }) };
}

describe('the header of the minutes', () => {
  it('of a district team formed by UBND huyện reads UBND HUYỆN LỘC BÌNH, not the province above the office', async () => {
    const h = await office('UBND tỉnh Lạng Sơn', 'UBND huyện Lộc Bình');
    const { planId, inspectionId } = await recorded(
      h,
      {
        title: 'Kiểm tra KLKCHC năm 2019',
        issuer: 'UBND huyện Lộc Bình',
        teamParentBody: 'UBND HUYỆN LỘC BÌNH',
        periodKind: 'calendarYear',
        decisionNumber: '1520/QĐ-UBND',
        decisionSignerTitle: 'Chủ tịch UBND huyện',
      },
      'UBND xã Hiệp Hạ',
      'commune',
    );
    expect((await h.call('plans.get', { id: planId })).plan.teamParentBody).toBe('UBND HUYỆN LỘC BÌNH');
    const { pdf, docx } = await printedHeader(h, inspectionId);
    expect(pdf).toBe('UBND HUYỆN LỘC BÌNH ĐOÀN KIỂM TRA');
    expect(docx).toBe(pdf);
  });

  it('of a bureau team formed by the head of Phòng GD&ĐT reads PHÒNG GD&ĐT HUYỆN LỘC BÌNH, not UBND HUYỆN', async () => {
    const h = await office('UBND huyện Lộc Bình', 'Phòng Giáo dục và Đào tạo huyện Lộc Bình');
    // The form sends what it derived; an API caller that leaves the line out gets the same.
    const { inspectionId } = await recorded(
      h,
      { issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình', teamParentBody: '' },
      'Trường THCS Hiệp Hạ',
      'school',
    );
    const { pdf, docx } = await printedHeader(h, inspectionId);
    expect(pdf).toBe('PHÒNG GD&ĐT HUYỆN LỘC BÌNH ĐOÀN KIỂM TRA');
    expect(docx).toBe(pdf);
  });

  it('prints the line the clerk typed in the plan, in capitals, even when the document settings name another', async () => {
    const h = await office('UBND huyện Lộc Bình', 'Phòng Giáo dục và Đào tạo huyện Lộc Bình');
    const { planId, inspectionId } = await recorded(
      h,
      { issuer: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình' },
      'Trường Tiểu học Hiệp Hạ',
      'school',
    );
    const settings = await h.call('minutes.settings.get', {});
    await h.call('minutes.settings.update', { ...settings, parentBody: 'Sở Giáo dục và Đào tạo' });
    const { plan } = await h.call('plans.get', { id: planId });
    expect(plan.teamParentBody).toBe('PHÒNG GD&ĐT HUYỆN LỘC BÌNH');
    const { plan: edited } = await h.call('plans.update', {
      id: planId,
      rev: plan.rev,
      plan: { ...plan, teamParentBody: '  Phòng Giáo dục và Đào tạo   Lộc Bình ' },
    });
    expect(edited.teamParentBody).toBe('Phòng Giáo dục và Đào tạo Lộc Bình');
    const { pdf, docx } = await printedHeader(h, inspectionId);
    expect(pdf).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO LỘC BÌNH ĐOÀN KIỂM TRA');
    expect(docx).toBe(pdf);
    const trail = await h.call('audit.list', { entity: 'plan', entityId: planId });
    expect(JSON.stringify(trail)).toContain('teamParentBody');
  });

  it('falls back to the document settings, then the office, only when the plan names no body at all', () => {
    const settings = { parentBody: 'UBND huyện Lộc Bình', officeParentBody: 'UBND tỉnh Lạng Sơn' };
    expect(headerParentBody({ issuer: 'UBND huyện Lộc Bình', teamParentBody: '' }, settings)).toBe(
      'UBND HUYỆN LỘC BÌNH',
    );
    expect(headerParentBody({ issuer: 'Ủy ban nhân dân huyện Lộc Bình', teamParentBody: '' }, settings)).toBe(
      'UBND HUYỆN LỘC BÌNH',
    );
    expect(headerParentBody({ issuer: 'x', teamParentBody: 'Phòng GD&ĐT Lộc Bình' }, settings)).toBe(
      'Phòng GD&ĐT Lộc Bình',
    );
    expect(headerParentBody({ issuer: '', teamParentBody: '' }, settings)).toBe('UBND huyện Lộc Bình');
    expect(headerParentBody({ issuer: ' ', teamParentBody: '' }, { ...settings, parentBody: '' })).toBe(
      'UBND tỉnh Lạng Sơn',
    );
  });
});

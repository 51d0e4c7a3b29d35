import { z } from 'zod';
import { line, multiline } from './common';

/**
 * The inspection minutes (biên bản kiểm tra) as a document: every value it prints, already
 * resolved from the inspection, its plan, unit, checklist version, team and the office's
 * settings. An empty string means "not known": the document prints a dotted line there for
 * handwriting. The fixed wording of the form (Mẫu 1.9 of Nghị định 30/2020) is added by the
 * layout (electron/core/features/minutes/minutes-layout.ts), the one place the HTML, the PDF and
 * the .docx all come from.
 */

/** "ngày 09 tháng 02 năm 2020": day and month already written as the decree wants. */
export interface DocumentDateParts {
  day: string;
  month: string;
  year: string;
}

export interface DocumentTime {
  hour: string;
  minute: string;
}

export interface MinutesPerson {
  name: string;
  position: string;
  /** Trưởng đoàn, Phó Trưởng đoàn, Thành viên, Thư ký; '' for the unit's representatives. */
  role: string;
}

export interface MinutesCriterionRow {
  /** "1.2" */
  number: string;
  text: string;
  /** Đạt / Chưa đạt / Không áp dụng, or '' when not recorded. */
  result: string;
  note: string;
}

export interface MinutesCriteriaGroup {
  /** "1" */
  number: string;
  title: string;
  rows: MinutesCriterionRow[];
}

export interface MinutesRequest {
  text: string;
  /** "ngày 15 tháng 3 năm 2020", or '' when no deadline was set. */
  deadline: string;
}

export interface MinutesSignature {
  /** ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA, TRƯỞNG ĐOÀN, THƯ KÝ */
  title: string;
  /** "(Ký, ghi rõ họ tên, đóng dấu)" */
  hint: string;
  name: string;
}

export interface MinutesDocument {
  /** The file name without extension, e.g. "Biên bản 05-BB-ĐKT Trường Tiểu học Hiệp Hạ". */
  fileName: string;
  header: {
    /** Printed in capitals, e.g. "UBND HUYỆN LỘC BÌNH". */
    parentBody: string;
    /** Printed in capitals and bold, e.g. "ĐOÀN KIỂM TRA". */
    issuingBody: string;
  };
  /** "05" (or '' to leave the number for handwriting) and the symbol "BB-ĐKT". */
  number: { value: string; symbol: string };
  /** "Lộc Bình" */
  place: string;
  date: DocumentDateParts | null;
  /** The inspected unit, as the subtitle and the sentences name it. */
  unitName: string;
  /** A re-inspection (tái kiểm tra) of an earlier inspection. */
  reinspection: boolean;
  /** Legal basis, one document per item ("Chỉ thị số 26/CT-TTg ngày 05/9/2016 …"). */
  legalBasis: string[];
  /** The decision that formed the team: "Quyết định số 125/QĐ-UBND ngày 05/9/2019 của …". */
  decision: {
    number: string;
    /** As citations write it: "05/9/2019"; '' when unknown. */
    date: string;
    /** Who signed it: "Chủ tịch UBND huyện Lộc Bình". */
    authority: string;
    /** "năm 2019", "năm học 2019–2020" */
    period: string;
  };
  opening: { time: DocumentTime | null; date: DocumentDateParts | null; place: string };
  team: MinutesPerson[];
  representatives: MinutesPerson[];
  criteria: MinutesCriteriaGroup[];
  /** Paragraphs (one per line the clerk typed). */
  strengths: string[];
  limitations: string[];
  causes: string[];
  requests: MinutesRequest[];
  unitResponse: string[];
  /** Paragraphs of the conclusion, printed after the requests when there is one. */
  conclusion: string[];
  closing: { time: DocumentTime | null; copies: number; unitCopies: number; teamCopies: number };
  signatures: MinutesSignature[];
  recipients: string[];
}

/** Office-level settings of the printed documents (header, numbering, signatures). */
export const MINUTES_SETTINGS_DEFAULTS = {
  issuingBody: 'ĐOÀN KIỂM TRA',
  numberSymbol: 'BB-ĐKT',
  copies: 2,
  recipients: 'Đơn vị được kiểm tra;\nThành viên Đoàn kiểm tra;',
  secretarySigns: true,
} as const;

export const minutesSettingsSchema = z.object({
  /** Printed top left in capitals; '' means the office's parent body (Settings → office). */
  parentBody: z.string(),
  /** Printed under it, bold: "ĐOÀN KIỂM TRA". */
  issuingBody: z.string(),
  /** "Lộc Bình" in "Lộc Bình, ngày … tháng … năm …"; '' means the office's place name. */
  placeName: z.string(),
  /** "BB-ĐKT" in "Số: 05/BB-ĐKT". */
  numberSymbol: z.string(),
  /** How many originals are made ("được lập thành 02 bản"). */
  copies: z.number().int(),
  /** "Nơi nhận", one per line; "Lưu: VT, Hồ sơ." is always added last. */
  recipients: z.string(),
  /** The team's secretary signs too (a third block). */
  secretarySigns: z.boolean(),
  /** What is printed when parentBody / placeName are left empty (the office's values). */
  officeParentBody: z.string(),
  officePlaceName: z.string(),
});
export type MinutesSettings = z.infer<typeof minutesSettingsSchema>;

/** A number symbol: capitals, digits and dashes ("BB-ĐKT", "BB-KTKL"). */
const numberSymbolSchema = line(30).refine((value) => /^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*$/u.test(value), {
  error: 'minutes.validation.symbol',
});

export const minutesSettingsInputSchema = z.object({
  parentBody: line(200),
  issuingBody: line(200).refine((value) => value.length > 0, { error: 'validation.required' }),
  placeName: line(100),
  numberSymbol: numberSymbolSchema,
  copies: z
    .number({ error: 'validation.number' })
    .int({ error: 'validation.number' })
    .min(1, { error: 'minutes.validation.copies' })
    .max(20, { error: 'minutes.validation.copies' }),
  recipients: multiline(2000),
  secretarySigns: z.boolean(),
});
export type MinutesSettingsInputRaw = z.input<typeof minutesSettingsInputSchema>;
export type MinutesSettingsInput = z.output<typeof minutesSettingsInputSchema>;

/** What a batch writes: one PDF of every minutes, or one file each (PDF or Word) in a folder. */
export const BATCH_OUTPUTS = ['onePdf', 'pdfFiles', 'docxFiles'] as const;
export type BatchOutput = (typeof BATCH_OUTPUTS)[number];

/** The largest number a clerk may give a minutes by hand. */
export const MAX_MINUTES_NUMBER = 9999;

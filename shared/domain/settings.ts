import { z } from 'zod';
import { line, requiredLine } from './common';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who this office is: used in document headers and on every record it changes. */
export const officeInputSchema = z.object({
  /** e.g. "Phòng Giáo dục và Đào tạo huyện Lộc Bình" */
  name: requiredLine(200),
  /** The body above it, printed top left in capitals, e.g. "UBND huyện Lộc Bình" */
  parentBody: requiredLine(200),
  /** Place name used in "Lộc Bình, ngày … tháng … năm …" */
  placeName: requiredLine(100),
});
export type OfficeInputRaw = z.input<typeof officeInputSchema>;
export type OfficeInput = z.output<typeof officeInputSchema>;

export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentBody: z.string(),
  placeName: z.string(),
});
export type Office = z.infer<typeof officeSchema>;

export const settingsSchema = z.object({
  /** null until the first-run screen has been completed. */
  office: officeSchema.nullable(),
  language: z.enum(LANGUAGES),
  /** The person at the keyboard, written into the audit trail. */
  operatorName: z.string(),
  dataFile: z.string(),
  dataDir: z.string(),
  appVersion: z.string(),
  mode: z.enum(['electron', 'browser', 'test']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.object({
  office: officeInputSchema.optional(),
  language: z.enum(LANGUAGES).optional(),
  operatorName: line(120).optional(),
});

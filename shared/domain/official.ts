import { z } from 'zod';
import { line, multiline, requiredLine, rowMetaSchema } from './common';

/**
 * A person who serves on inspection teams (cán bộ): typed once, chosen from a list after that.
 * Plans copy the person's position when they are put on a team, so a later promotion does not
 * rewrite old minutes.
 */
export const officialInputSchema = z.object({
  name: requiredLine(120),
  /** Chức vụ, e.g. "Phó Trưởng phòng Nội vụ". */
  position: line(150),
  /** Đơn vị công tác, e.g. "Phòng Nội vụ huyện Lộc Bình". */
  organization: line(200),
  phone: line(80),
  active: z.boolean(),
  notes: multiline(1000),
});
export type OfficialInputRaw = z.input<typeof officialInputSchema>;
export type OfficialInput = z.output<typeof officialInputSchema>;

export const officialSchema = rowMetaSchema.extend({
  name: z.string(),
  position: z.string(),
  organization: z.string(),
  phone: z.string(),
  active: z.boolean(),
  notes: z.string(),
  isSample: z.boolean(),
});
export type Official = z.infer<typeof officialSchema>;

export function emptyOfficialInput(): OfficialInputRaw {
  return { name: '', position: '', organization: '', phone: '', active: true, notes: '' };
}

export function officialToInput(official: Official): OfficialInputRaw {
  return {
    name: official.name,
    position: official.position,
    organization: official.organization,
    phone: official.phone,
    active: official.active,
    notes: official.notes,
  };
}

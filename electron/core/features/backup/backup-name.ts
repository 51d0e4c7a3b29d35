import { foldVietnamese } from '../../../../shared/text/fold';
import { twoDigits } from '../../../../shared/format/date';

/**
 * `.klkbak`: an extension no other program claims, so Windows never offers to "open" (and
 * perhaps modify) a backup with a database browser or an archiver, as it would a .sqlite or a
 * .zip; the installer can associate it with the app; and the app lists only these files in a
 * folder. Short and ASCII, so it survives FAT32 sticks and e-mail.
 */
export const BACKUP_EXTENSION = '.klkbak';

/** "Phòng Giáo dục và Đào tạo huyện Lộc Bình" → "phong-giao-duc-va-dao-tao-huyen-loc-binh". */
export function officeSlug(name: string): string {
  const slug = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'chua-dat-ten';
}

/**
 * KLKCHC_<office>_<yyyy-mm-dd>_<hhmm> in the PC's local time: readable, and sorted by name it is
 * sorted by time (a second one in the same minute gets "_2", which sorts after).
 */
export function backupStem(officeName: string, at: Date): string {
  const date = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  const time = `${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}`;
  return `KLKCHC_${officeSlug(officeName)}_${date}_${time}`;
}

export function isBackupFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BACKUP_EXTENSION) && !name.startsWith('.');
}

import type { TFunction } from 'i18next';
import type { BackupCounts } from '../../../../shared/domain/backup';

/** "12,3 MB", "850 KB": sizes the way the interface language writes them. */
export function formatSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 * 1024
      ? [bytes / (1024 * 1024 * 1024), 'GB']
      : bytes >= 1024 * 1024
        ? [bytes / (1024 * 1024), 'MB']
        : [bytes / 1024, 'KB'];
  return `${value.toLocaleString(language, { maximumFractionDigits: 1 })} ${unit}`;
}

/** "500 đơn vị, 5 kế hoạch, 5.000 cuộc kiểm tra, 4.210 biên bản hoàn tất". */
export function countsText(t: TFunction, counts: BackupCounts, language: string): string {
  const number = (value: number) => value.toLocaleString(language);
  return t('backup.list.counts', {
    units: number(counts.units),
    plans: number(counts.plans),
    inspections: number(counts.inspections),
    minutes: number(counts.finalisedMinutes),
  });
}

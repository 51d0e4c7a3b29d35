import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../../../shared/format/date';
import { countsText, formatSize } from './backup-text';

interface BackupListProps {
  entries: BackupEntry[];
  onRestore(entry: BackupEntry): void;
  onCopy(entry: BackupEntry): void;
}

/** The backups on this PC and in the second folder: when, how big, what they hold, where; each restorable or copyable. */
export function BackupList({ entries, onRestore, onCopy }: BackupListProps) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('backup.list.empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('backup.list.label')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('backup.list.time')}</TableCell>
          <TableCell>{t('backup.list.contents')}</TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {t('backup.list.size')}
          </TableCell>
          <TableCell>{t('backup.list.place')}</TableCell>
          <TableCell>{t('backup.list.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => {
          const { manifest } = entry;
          return (
            <TableRow key={entry.path} title={entry.path}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {manifest ? formatDateTime(manifest.createdAt) : entry.fileName}
                {manifest && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {t(`backup.list.reasons.${manifest.reason}`)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {manifest ? (
                  <Typography variant="body2">{countsText(t, manifest.counts, i18n.language)}</Typography>
                ) : (
                  <Typography variant="body2" color={entry.problem ? 'error' : 'text.secondary'}>
                    {entry.problem || t('backup.list.encrypted')}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatSize(entry.size, i18n.language)}
              </TableCell>
              <TableCell>{t(`backup.places.${entry.place}`)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => onRestore(entry)} disabled={entry.problem !== ''}>
                    {t('backup.list.restore')}
                  </Button>
                  <Button size="small" onClick={() => onCopy(entry)} disabled={entry.problem !== ''}>
                    {t('backup.list.copy')}
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

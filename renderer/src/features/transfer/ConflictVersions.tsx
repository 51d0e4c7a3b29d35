import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConflictView, VersionSide } from '../../../../shared/api/transfer';
import { formatDateTime } from '../../../../shared/format/date';
import { fieldName } from './transfer-text';

/** The office that made the other version, in words ("cơ quan khác" when not known). */
export function theirOffice(t: TFunction, conflict: ConflictView): string {
  return conflict.theirs.office || conflict.fromOffice || t('transfer.conflicts.otherOffice');
}

/**
 * A conflict's two versions side by side: each differing field with this office's value and
 * the other office's, then who changed each version last and when; the version in use meanwhile
 * is marked.
 */
export function ConflictVersions({ conflict }: { conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const office = theirOffice(t, conflict);
  const shown = (value: string) =>
    value === '' ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {t('transfer.conflicts.blank')}
      </Typography>
    ) : (
      value
    );
  const heading = (label: string, side: 'ours' | 'theirs') => (
    <>
      {label}
      {conflict.winner === side && (
        <Chip size="small" color="info" variant="outlined" label={t('transfer.conflicts.inUse')} sx={{ ml: 1 }} />
      )}
    </>
  );
  const changed = (side: VersionSide) => (
    <>
      {side.office || t('transfer.conflicts.otherOffice')}
      <br />
      {formatDateTime(side.updatedAt)}
      {side.deleted && ` ${t('transfer.conflicts.deleted')}`}
    </>
  );
  return (
    <Table
      size="small"
      aria-label={t('transfer.conflicts.tableLabel', { name: conflict.label.name })}
      sx={{ tableLayout: 'fixed', '& td, & th': { wordBreak: 'break-word', verticalAlign: 'top' } }}
    >
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '22%' }}>{t('transfer.conflicts.field')}</TableCell>
          <TableCell>{heading(t('transfer.conflicts.ours'), 'ours')}</TableCell>
          <TableCell>{heading(t('transfer.conflicts.theirs', { office }), 'theirs')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {conflict.fields.map((field) => (
          <TableRow key={field.field}>
            <TableCell component="th" scope="row">
              {fieldName(t, i18n, field.field)}
            </TableCell>
            <TableCell>{shown(field.ours)}</TableCell>
            <TableCell>{shown(field.theirs)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            {t('transfer.conflicts.changedBy')}
          </TableCell>
          <TableCell>{changed(conflict.ours)}</TableCell>
          <TableCell>{changed(conflict.theirs)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

import { useId } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format/date';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

/**
 * The units behind one number of the report, counted again now: each with the plan it was
 * counted under and the inspection that counted it (opened from here). Says so when the records
 * changed since the report was drafted.
 */
export function CountedUnitsDialog({
  reportId,
  countRef,
  onClose,
}: {
  reportId: string;
  countRef: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  // Counted again whenever the records behind it change while the dialog is open.
  const query = useApiQuery(
    'reports.counted',
    { id: reportId, ref: countRef },
    { topics: ['reports', 'inspections', 'plans', 'registry'] },
  );
  const counted = query.data;

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>
        {counted
          ? t(`reports.counts.${counted.ref.what}`, { count: counted.ref.count })
          : query.error
            ? t('reports.countedFailed')
            : t('common.loading')}
      </DialogTitle>
      <DialogContent dividers>
        <ApiErrorAlert error={query.error} onRetry={query.reload} />
        {counted && counted.now !== counted.ref.count && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('reports.countChanged', { printed: counted.ref.count, now: counted.now })}
          </Alert>
        )}
        {counted && counted.units.length === 0 && (
          <Typography color="text.secondary">{t('reports.noUnits')}</Typography>
        )}
        {counted && counted.units.length > 0 && (
          <Table size="small" aria-label={t('reports.countedLabel')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('reports.columns.number')}</TableCell>
                <TableCell>{t('reports.columns.unit')}</TableCell>
                <TableCell>{t('reports.columns.plan')}</TableCell>
                <TableCell>{t('reports.columns.date')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {counted.units.map((unit, index) => (
                <TableRow key={`${unit.unitId}:${unit.inspectionId ?? index}`}>
                  <TableCell>{index + 1}</TableCell>
                  <TableCell>
                    {unit.inspectionId ? (
                      <Link
                        component="button"
                        onClick={() => {
                          onClose();
                          navigate('inspections', unit.inspectionId ?? '');
                        }}
                      >
                        {unit.unitName}
                      </Link>
                    ) : (
                      unit.unitName
                    )}
                  </TableCell>
                  <TableCell>{unit.planTitle}</TableCell>
                  <TableCell>{formatDate(unit.date)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')} (Esc)</Button>
      </DialogActions>
    </Dialog>
  );
}

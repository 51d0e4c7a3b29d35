import { Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../shared/format/date';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { scopeName, totalRecords } from './transfer-text';

/** "Lịch sử trao đổi": packages sent and received, newest first. */
export function HistoryPanel() {
  const { t, i18n } = useTranslation();
  const history = useApiQuery('transfer.history', {});
  const exchanges = history.data ?? [];
  return (
    <Paper sx={{ p: 2 }}>
      <ApiErrorAlert error={history.error} onRetry={history.reload} sx={{ mb: 2 }} />
      {history.data && exchanges.length === 0 ? (
        <Typography color="text.secondary">{t('transfer.history.empty')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table
            size="small"
            aria-label={t('transfer.history.tableLabel')}
            sx={{ '& thead th': { whiteSpace: 'nowrap' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>{t('transfer.history.direction')}</TableCell>
                <TableCell>{t('transfer.history.office')}</TableCell>
                <TableCell>{t('transfer.history.at')}</TableCell>
                <TableCell>{t('transfer.history.file')}</TableCell>
                <TableCell>{t('transfer.history.scope')}</TableCell>
                <TableCell align="right">{t('transfer.history.records')}</TableCell>
                <TableCell>{t('transfer.history.operator')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {exchanges.map((exchange) => (
                <TableRow key={exchange.id}>
                  <TableCell>
                    {exchange.direction === 'sent' ? t('transfer.history.sent') : t('transfer.history.received')}
                  </TableCell>
                  <TableCell sx={{ minWidth: 200 }}>
                    {exchange.peerName || t('transfer.history.officeUnknown')}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(exchange.at)}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-all', minWidth: 180 }}>{exchange.fileName}</TableCell>
                  <TableCell sx={{ minWidth: 120 }}>{scopeName(t, exchange.scope)}</TableCell>
                  <TableCell align="right">{totalRecords(exchange.counts).toLocaleString(i18n.language)}</TableCell>
                  <TableCell>{exchange.operator}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Chip, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ReportDraftDialog } from './ReportDraftDialog';
import { ReportEditor } from './ReportEditor';

/** "#/reports" lists the results reports; "#/reports/<id>" opens one. */
export function ReportsRoute({ params }: { params: string[] }) {
  const id = params[0];
  return id ? <ReportEditor key={id} id={id} /> : <ReportsPage />;
}

function ReportsPage() {
  const { t } = useTranslation();
  const list = useApiQuery('reports.list', {});
  const reports = list.data;
  const [drafting, setDrafting] = useState(false);

  const onKey = useCallback((event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'n' && !document.querySelector('[role="dialog"]')) {
      event.preventDefault();
      setDrafting(true);
    }
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <Box sx={{ overflow: 'auto', pb: 4 }}>
      <PageHeader title={t('reports.title')}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDrafting(true)} aria-keyshortcuts="Alt+N">
          {t('reports.add')} (Alt+N)
        </Button>
      </PageHeader>
      <Stack spacing={2} sx={{ px: 3, maxWidth: 1100 }}>
        <Typography color="text.secondary">{t('reports.intro')}</Typography>
        <ApiErrorAlert error={list.error} onRetry={list.reload} />
        {reports && reports.length === 0 && (
          <Paper sx={{ p: 3 }}>
            <Typography color="text.secondary">{t('reports.empty')}</Typography>
          </Paper>
        )}
        {reports && reports.length > 0 && (
          <Paper>
            <List aria-label={t('reports.listLabel')}>
              {reports.map((report) => (
                <ListItemButton key={report.id} onClick={() => navigate('reports', report.id)}>
                  <ListItemText
                    primary={report.number ? `${report.number} – ${report.title}` : report.title}
                    secondary={t('reports.listSecondary', {
                      from: formatDate(report.periodFrom),
                      to: formatDate(report.periodTo),
                      plans: report.planTitles.filter(Boolean).join('; '),
                      updated: formatDateTime(report.updatedAt),
                    })}
                  />
                  <Chip
                    size="small"
                    color={report.status === 'finalised' ? 'success' : 'default'}
                    label={t(`reports.statuses.${report.status}`)}
                  />
                </ListItemButton>
              ))}
            </List>
          </Paper>
        )}
      </Stack>
      {drafting && (
        <ReportDraftDialog onClose={() => setDrafting(false)} onDone={(report) => navigate('reports', report.id)} />
      )}
    </Box>
  );
}

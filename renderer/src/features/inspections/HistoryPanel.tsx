import { Box, Divider, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../../../shared/domain/inspection';
import { formatDateTime } from '../../../../shared/format/date';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

function fieldLabel(t: (key: string) => string, field: string, label: string): string {
  if (label) return label;
  const head = field.split('.')[0] ?? field;
  const key = `inspections.fields.${head}`;
  const translated = t(key);
  return translated === key ? field : translated;
}

function Change({ field, label, before, after }: { field: string; label: string; before: string; after: string }) {
  const { t } = useTranslation();
  const show = (value: string) => {
    if (value === '') return t('audit.empty_value');
    if (value === 'pass' || value === 'fail' || value === 'na') return t(`inspections.results.${value}`);
    return value;
  };
  return (
    <Typography variant="body2" component="li" sx={{ ml: 2 }}>
      <b>{fieldLabel(t, field, label)}</b>: <s>{show(before)}</s> → {show(after)}
    </Typography>
  );
}

/** The record's amendments (with reasons) and its audit trail, newest first. */
export function HistoryPanel({
  inspectionId,
  amendments,
  version,
}: {
  inspectionId: string;
  amendments: Amendment[];
  version: string;
}) {
  const { t } = useTranslation();
  // Every saved revision adds to the trail.
  const query = useApiQuery('audit.list', { entityId: inspectionId, limit: 200 }, { refreshKey: version });
  const entries = query.data?.rows ?? [];
  const operator = (name: string) => name || t('audit.unknownOperator');
  return (
    <Stack spacing={2}>
      {amendments.length > 0 && (
        <Box component="section" aria-label={t('inspections.editor.amendments')}>
          <Typography component="h3" sx={{ fontWeight: 600, mb: 1 }}>
            {t('inspections.editor.amendments')}
          </Typography>
          {[...amendments].reverse().map((amendment) => (
            <Box key={amendment.id} sx={{ mb: 1.5 }}>
              <Typography variant="body2">
                {t('inspections.editor.amendmentBy', {
                  time: formatDateTime(amendment.at),
                  operator: operator(amendment.operator),
                  reason: amendment.reason,
                })}
              </Typography>
              <Box component="ul" sx={{ m: 0, p: 0 }}>
                {amendment.changes.map((change) => (
                  <Change key={change.field} {...change} />
                ))}
              </Box>
            </Box>
          ))}
          <Divider />
        </Box>
      )}
      <Box component="section" aria-label={t('audit.title')}>
        <ApiErrorAlert error={query.error} onRetry={query.reload} sx={{ mb: 1 }} />
        {query.data && entries.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('audit.empty')}
          </Typography>
        )}
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {entries.map((entry) => (
            <Typography
              component="li"
              variant="body2"
              key={entry.id}
              sx={{ py: 0.5, borderBottom: 1, borderColor: 'divider' }}
            >
              <b>
                {entry.at === entry.lastAt
                  ? formatDateTime(entry.at)
                  : t('audit.range', { from: formatDateTime(entry.at), to: formatDateTime(entry.lastAt) })}
              </b>{' '}
              — {operator(entry.operator)} — {t(`audit.actions.${entry.action}`)}
              {entry.detail && entry.action === 'amend' ? `: ${entry.detail}` : ''}
              {entry.detail && entry.action === 'receive' ? ` ${entry.detail}` : ''}
              {entry.changes.length > 0 ? ` (${t('audit.changeCount', { count: entry.changes.length })})` : ''}
            </Typography>
          ))}
        </Box>
      </Box>
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../../shared/api/transfer';
import { formatDateTime } from '../../../../shared/format/date';
import { useDataEvents } from '../../api/data-events';
import { useApiCommand } from '../../api/useApiCommand';
import type { ApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConflictVersions, theirOffice } from './ConflictVersions';
import { tableName } from './transfer-text';

/**
 * "Xung đột cần quyết định": each open conflict with its two versions side by side, and a
 * button for each ("Giữ bản ở đây" / "Lấy bản của …"). The answer is the list still open.
 */
export function ConflictsPanel({ query }: { query: ApiQuery<ConflictView[]> }) {
  const { t } = useTranslation();
  const events = useDataEvents();
  const [decided, setDecided] = useState<string | null>(null);
  const resolve = useApiCommand('transfer.resolve');

  const choose = async (conflict: ConflictView, choice: 'ours' | 'theirs') => {
    if (!conflict.id) return;
    setDecided(null);
    const open = await resolve.run({ conflictId: conflict.id, choice });
    if (!open) return;
    query.setData(() => open);
    setDecided(t('transfer.conflicts.resolved', { name: conflict.label.name }));
    // The chosen version may be any kind of record: every screen loads again.
    events.changedAll();
  };

  const conflicts = query.data ?? [];
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('transfer.conflicts.intro')}
      </Typography>
      <ApiErrorAlert error={query.error} onRetry={query.reload} />
      <ApiErrorAlert error={resolve.error} />
      {decided && (
        <Alert severity="success" role="status" onClose={() => setDecided(null)}>
          {decided}
        </Alert>
      )}
      {query.data && conflicts.length === 0 && (
        <Paper sx={{ p: 3 }}>
          <Typography color="text.secondary">{t('transfer.conflicts.empty')}</Typography>
        </Paper>
      )}
      {conflicts.map((conflict) => (
        <ConflictCard
          key={conflict.id ?? conflict.recordId}
          conflict={conflict}
          busy={resolve.pending}
          onChoose={(choice) => void choose(conflict, choice)}
        />
      ))}
    </Stack>
  );
}

function ConflictCard({
  conflict,
  busy,
  onChoose,
}: {
  conflict: ConflictView;
  busy: boolean;
  onChoose(choice: 'ours' | 'theirs'): void;
}) {
  const { t, i18n } = useTranslation();
  const title = t('transfer.conflicts.record', {
    table: tableName(t, i18n, conflict.label.table),
    name: conflict.label.name,
  });
  const office = theirOffice(t, conflict);
  return (
    <Paper component="section" aria-label={title} sx={{ p: 2.5 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t(`transfer.conflicts.kinds.${conflict.kind}`)}
        {conflict.label.context && ` · ${t('transfer.conflicts.inPlan', { plan: conflict.label.context })}`}
        {conflict.at && ` · ${t('transfer.conflicts.from', { office, date: formatDateTime(conflict.at) })}`}
      </Typography>
      <ConflictVersions conflict={conflict} />
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }} flexWrap="wrap" useFlexGap>
        <Button variant="outlined" onClick={() => onChoose('ours')} disabled={busy}>
          {t('transfer.conflicts.keepOurs')}
        </Button>
        <Button variant="outlined" onClick={() => onChoose('theirs')} disabled={busy}>
          {t('transfer.conflicts.takeTheirs', { office })}
        </Button>
      </Stack>
    </Paper>
  );
}

import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { percent, type PlanProgress } from '../../../../shared/domain/progress';
import {
  breakdownSentence,
  coverageSentence,
  inspectedByKind,
  inspectedByLevel,
} from '../../../../shared/domain/progress-phrases';

/** One plan's figures in the story's words: "28/81 đơn vị, đạt 35% kế hoạch", the breakdown, what is late. */
export function PlanProgressSummary({ progress }: { progress: PlanProgress }) {
  const { t } = useTranslation();
  const share = percent(progress.inspected, progress.targetUnits);
  const notYet = progress.scope - progress.inspected;
  return (
    <Box>
      <Stack direction="row" spacing={2} alignItems="baseline" flexWrap="wrap" useFlexGap>
        <Typography sx={{ fontSize: 20, fontWeight: 600 }} data-testid="coverage">
          {coverageSentence(t, progress)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('progress.target', { target: progress.targetPercent, units: progress.targetUnits })}
        </Typography>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, share)}
        aria-label={t('progress.progressLabel', { title: progress.title })}
        sx={{ height: 8, borderRadius: 4, my: 1 }}
      />
      {progress.inspected > 0 && (
        <Typography variant="body2">
          {t('progress.inspectedBreakdown', {
            text: breakdownSentence(t, inspectedByKind(progress.byKind), inspectedByLevel(progress.bySchoolLevel)),
          })}
        </Typography>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 0.5 }} flexWrap="wrap" useFlexGap>
        {/* An empty scope is work not yet planned, not work done: never the green of "all inspected". */}
        <Typography
          variant="body2"
          color={progress.scope === 0 ? 'warning.main' : notYet > 0 ? 'text.secondary' : 'success.main'}
        >
          {progress.scope === 0
            ? t('progress.noScope')
            : notYet > 0
              ? t('progress.notInspectedCount', { count: notYet })
              : t('progress.allInspected')}
        </Typography>
        {progress.drafts > 0 && (
          <Typography variant="body2" color="info.main">
            {t('progress.drafts', { count: progress.drafts })}
          </Typography>
        )}
        <Typography variant="body2" color={progress.overdueRequests > 0 ? 'error.main' : 'text.secondary'}>
          {progress.overdueRequests > 0
            ? t('progress.overdueCount', { count: progress.overdueRequests })
            : t('progress.noneOverdue')}
        </Typography>
        {progress.openRequests > progress.overdueRequests && (
          <Typography variant="body2" color="text.secondary">
            {t('progress.openRequests', { count: progress.openRequests })}
          </Typography>
        )}
        {(progress.reinspectionsPlanned > 0 || progress.reinspectionsDone > 0) && (
          <Typography variant="body2" color="text.secondary">
            {t('progress.reinspectionsFigure', {
              planned: progress.reinspectionsPlanned,
              done: progress.reinspectionsDone,
            })}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}

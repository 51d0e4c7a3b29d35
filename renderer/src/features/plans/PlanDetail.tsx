import { useRef, useState } from 'react';
import {
  Box,
  Button,
  CircularProgress,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_STATUSES,
  type InspectionStatus,
  type InspectionSummary,
} from '../../../../shared/domain/inspection';
import { teamParentBodyOf } from '../../../../shared/domain/plan';
import { formatDate } from '../../../../shared/format/date';
import { errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifier } from '../../components/Notifier';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { PlanProgressSummary } from '../dashboard/PlanProgressSummary';
import { DateField } from '../inspections/DateField';
import { InspectionTable } from '../inspections/InspectionTable';
import { useInspectionList } from '../inspections/useInspectionList';
import { PlanFormDialog } from './PlanFormDialog';
import { ScopeDialog } from './ScopeDialog';
import { TeamEditor } from './TeamEditor';
import { periodLabel } from './plan-labels';
import { MinutesBatchButton } from '../minutes/MinutesBatchButton';

/** Rows of the schedule read at a time (a plan may cover thousands of units). */
const SCHEDULE_PAGE = 500;

/** One plan: its progress, the schedule of its scope, its team and its details. */
export function PlanDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const [statuses, setStatuses] = useState<InspectionStatus[]>([]);
  const [search, setSearch] = useState('');
  // Typing a school's name waits for a pause; diacritics are optional (the core folds them).
  const searched = useDebouncedValue(search, 250);
  const [tab, setTab] = useState<'schedule' | 'team' | 'info'>('schedule');
  const [dialog, setDialog] = useState<'edit' | 'scope' | null>(null);
  const [removing, setRemoving] = useState<InspectionSummary | null>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const gridRef = useRef<HTMLElement | null>(null);
  const planQuery = useApiQuery('plans.get', { id });
  // Scope, schedule and results all move the figures.
  const figuresQuery = useApiQuery('progress.plan', { planId: id }, { topics: ['progress', 'inspections', 'plans'] });
  const schedule = useInspectionList({ planId: id, statuses, query: searched }, SCHEDULE_PAGE);
  const rows = schedule.rows;
  const onError = (error: unknown) =>
    notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
  // The answer is the row itself, shown at once; its place in the date order needs the list again.
  const scheduleCommand = useApiCommand('inspections.schedule', { invalidates: ['inspections'], onError });
  // The answer is only a count: the schedule and the figures are read again.
  const removeCommand = useApiCommand('plans.removeScope', { invalidates: ['inspections', 'progress'], onError });

  const setPlannedDate = async (row: InspectionSummary, date: string | null) => {
    const answer = await scheduleCommand.run({ id: row.id, rev: row.rev, plannedDate: date });
    if (answer) schedule.replaceRow(answer);
  };

  const removeFromScope = async (row: InspectionSummary) => {
    setRemoving(null);
    const answer = await removeCommand.run({ planId: id, unitIds: [row.unitId] });
    if (answer) {
      const kept = answer.kept[0];
      notify(
        kept
          ? { message: t('plans.scope.kept', { name: kept.unitName }), severity: 'warning' }
          : { message: t('plans.scope.removed', { count: answer.removed }) },
      );
    }
    gridRef.current?.focus();
  };

  const emptyScope = schedule.loaded && schedule.total === 0 && !searched && statuses.length === 0;
  const data = planQuery.data;
  const figures = figuresQuery.data;
  const failure = planQuery.error ?? figuresQuery.error;
  if (failure && (!data || !figures))
    return (
      <ApiErrorAlert
        error={failure}
        onRetry={() => {
          planQuery.reload();
          figuresQuery.reload();
        }}
        sx={{ m: 3 }}
      />
    );
  if (!data || !figures) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }} role="status" aria-label={t('common.loading')}>
        <CircularProgress />
      </Box>
    );
  }
  const { plan, team } = data;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Box sx={{ px: 3, pt: 2 }}>
        <Stack direction="row" spacing={2} alignItems="center">
          <Button
            startIcon={<ArrowBackIcon />}
            onClick={() => navigate('plans')}
            sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            {t('plans.back')}
          </Button>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 500 }}>
              {plan.title}
            </Typography>
            {/* Long titles wrap: the clerk reads the whole of it without hovering. */}
            <Typography variant="body2" color="text.secondary">
              {periodLabel(t, plan)} · {plan.issuer}
              {plan.decisionNumber ? ` · ${plan.decisionNumber}` : ''}
              {plan.decisionDate ? ` (${formatDate(plan.decisionDate)})` : ''} · {plan.checklistName}
            </Typography>
          </Box>
          {/* Action area: the minutes helper drops its batch printing for this plan here. */}
          <Stack
            direction="row"
            spacing={1}
            data-slot="plan-actions"
            sx={{ flexShrink: 0, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
          >
            <Button startIcon={<AddIcon />} variant="contained" onClick={() => setDialog('scope')}>
              {t('plans.scope.add')}
            </Button>
            <Button startIcon={<EditIcon />} onClick={() => setDialog('edit')}>
              {t('common.edit')}
            </Button>
            <MinutesBatchButton planId={plan.id} />
          </Stack>
        </Stack>
        <ApiErrorAlert
          error={failure}
          onRetry={() => {
            planQuery.reload();
            figuresQuery.reload();
          }}
          sx={{ mt: 1.5 }}
        />
        <Paper sx={{ p: 2, mt: 1.5 }}>
          <PlanProgressSummary progress={figures.progress} />
        </Paper>
        <Tabs value={tab} onChange={(_, next: typeof tab) => setTab(next)} sx={{ mt: 1 }}>
          <Tab value="schedule" label={t('plans.tabs.schedule')} />
          <Tab value="team" label={t('plans.tabs.team')} />
          <Tab value="info" label={t('plans.tabs.info')} />
        </Tabs>
      </Box>
      <Box
        sx={{
          px: 3,
          py: 1.5,
          flexGrow: 1,
          minHeight: 0,
          display: 'flex',
          flexDirection: 'column',
          overflow: tab === 'schedule' ? 'hidden' : 'auto',
        }}
      >
        {tab === 'schedule' && (
          <>
            <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }} flexWrap="wrap" useFlexGap>
              <TextField
                type="search"
                label={t('inspections.searchLabel')}
                placeholder={t('inspections.searchPlaceholder')}
                value={search}
                onChange={(event) => {
                  setSearch(event.target.value);
                  setActiveIndex(-1);
                }}
                onKeyDown={(event) => {
                  // ↓ or Enter: into the list, at the first match.
                  if (event.key === 'ArrowDown' || event.key === 'Enter') {
                    event.preventDefault();
                    setActiveIndex(0);
                    gridRef.current?.focus();
                  }
                }}
                sx={{ width: 320 }}
                fullWidth={false}
              />
              <ToggleButtonGroup
                size="small"
                value={statuses}
                onChange={(_, next: InspectionStatus[]) => setStatuses(next)}
                aria-label={t('plans.schedule.filter')}
              >
                {INSPECTION_STATUSES.map((status) => (
                  <ToggleButton key={status} value={status}>
                    {t(`inspections.statuses.${status}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              <Typography variant="body2" color="text.secondary" aria-live="polite">
                {t('plans.schedule.count', { count: schedule.total })}
              </Typography>
              <Box sx={{ flexGrow: 1 }} />
              <Typography variant="caption" color="text.secondary">
                {t('plans.schedule.openHelp')}
              </Typography>
            </Stack>
            <ApiErrorAlert error={schedule.error} onRetry={schedule.reload} sx={{ mb: 1 }} />
            {emptyScope && (
              <Paper sx={{ p: 3, mb: 1 }}>
                <Typography sx={{ mb: 1.5 }}>{t('plans.schedule.emptyScope')}</Typography>
                <Button startIcon={<AddIcon />} variant="contained" onClick={() => setDialog('scope')}>
                  {t('plans.scope.add')}
                </Button>
              </Paper>
            )}
            {schedule.loaded && rows.length === 0 && (searched !== '' || statuses.length > 0) && (
              <Typography color="text.secondary" role="status" sx={{ p: 1 }}>
                {t('inspections.noMatch')}
              </Typography>
            )}
            <Box
              sx={{ display: emptyScope ? 'none' : 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}
              ref={(node: HTMLElement | null) => {
                gridRef.current = node?.querySelector<HTMLElement>('[role="grid"]') ?? null;
              }}
            >
              <InspectionTable
                label={t('plans.schedule.label')}
                rows={rows}
                activeIndex={activeIndex}
                onActiveIndexChange={setActiveIndex}
                onOpen={(row) => navigate('inspections', row.id)}
                onDelete={(row) => setRemoving(row)}
                showPlan={false}
                extra={(row) =>
                  row.status === 'planned' || row.status === 'draft' ? (
                    <DateField
                      size="small"
                      commitOnly
                      value={row.plannedDate}
                      onChange={(date) => void setPlannedDate(row, date)}
                      slotProps={{
                        htmlInput: { 'aria-label': t('plans.schedule.plannedDate', { name: row.unitName }) },
                      }}
                    />
                  ) : null
                }
              />
              {rows.length < schedule.total && (
                <Button onClick={() => void schedule.more()} sx={{ alignSelf: 'center', mt: 1 }}>
                  {t('inspections.more', { count: Math.min(SCHEDULE_PAGE, schedule.total - rows.length) })}
                </Button>
              )}
            </Box>
          </>
        )}
        {tab === 'team' && (
          <TeamEditor
            planId={plan.id}
            team={team}
            teamRev={data.teamRev}
            onSaved={(saved) => planQuery.setData(() => saved)}
          />
        )}
        {tab === 'info' && (
          <Paper sx={{ p: 2, maxWidth: 960 }}>
            <Info label={t('plans.fields.issuer')} value={plan.issuer} />
            <Info
              label={t('plans.fields.teamParentBody')}
              value={plan.teamParentBody || teamParentBodyOf(plan.issuer)}
            />
            <Info label={t('plans.fields.periodKind')} value={periodLabel(t, plan)} />
            <Info label={t('plans.fields.decisionNumber')} value={plan.decisionNumber} />
            <Info label={t('plans.fields.decisionDate')} value={formatDate(plan.decisionDate)} />
            <Info
              label={t('plans.fields.decisionSigner')}
              value={[plan.decisionSigner, plan.decisionSignerTitle].filter(Boolean).join(' — ')}
            />
            <Info label={t('plans.fields.legalBasis')} value={plan.legalBasis} />
            <Info label={t('plans.fields.targetPercent')} value={`${plan.targetPercent}%`} />
            <Info label={t('plans.fields.checklist')} value={plan.checklistName} />
            <Info label={t('plans.fields.notes')} value={plan.notes} />
          </Paper>
        )}
      </Box>
      {dialog === 'edit' && (
        <PlanFormDialog
          plan={plan}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            notify({ message: t('plans.updated', { title: saved.plan.title }) });
            planQuery.setData(() => saved);
          }}
        />
      )}
      {dialog === 'scope' && (
        <ScopeDialog
          planId={plan.id}
          onClose={() => setDialog(null)}
          onAdded={(count) => {
            setDialog(null);
            notify({ message: t('plans.scope.added', { count }) });
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('plans.scope.removeConfirmTitle')}
        message={t('plans.scope.removeConfirm', { name: removing?.unitName ?? '' })}
        confirmLabel={t('plans.scope.remove')}
        onConfirm={() => removing && void removeFromScope(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Box>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <Stack direction="row" spacing={2} sx={{ py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary" sx={{ width: 240, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {value || '—'}
      </Typography>
    </Stack>
  );
}

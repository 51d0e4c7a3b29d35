import { useRef, useState } from 'react';
import { Box, Button, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { INSPECTION_STATUSES, type InspectionStatus } from '../../../../shared/domain/inspection';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { InspectionPage } from './InspectionPage';
import { InspectionTable } from './InspectionTable';
import { useInspectionList } from './useInspectionList';

const PAGE = 200;

/** "#/inspections" lists inspections across plans; "#/inspections/<id>" opens one. */
export function InspectionsRoute({ params }: { params: string[] }) {
  const id = params[0];
  return id ? <InspectionPage key={id} id={id} /> : <InspectionsPage />;
}

function InspectionsPage() {
  const { t } = useTranslation();
  const plans = useApiQuery('plans.list', {});
  const [planId, setPlanId] = useState<string>('');
  const [statuses, setStatuses] = useState<InspectionStatus[]>([]);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(-1);
  const gridRef = useRef<HTMLElement | null>(null);
  // Searching every plan at the scale case costs up to ~250 ms a query: wait for a pause in typing.
  const searchedQuery = useDebouncedValue(query, 250);
  const list = useInspectionList({ planId: planId || null, statuses, query: searchedQuery }, PAGE);
  const { rows, total, loaded, more } = list;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader title={t('inspections.title')}>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {loaded ? t('inspections.count', { count: total }) : ''}
        </Typography>
      </PageHeader>
      <Stack direction="row" spacing={1.5} sx={{ px: 3, pb: 1.5 }} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField
          type="search"
          label={t('inspections.searchLabel')}
          placeholder={t('inspections.searchPlaceholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(-1);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActiveIndex(0);
              gridRef.current?.focus();
            }
          }}
          sx={{ width: 340 }}
          fullWidth={false}
        />
        <TextField
          select
          label={t('inspections.planFilter')}
          value={planId}
          onChange={(event) => setPlanId(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          // As wide as the longest plan title, so titles are not cut.
          sx={{ minWidth: 320, maxWidth: '100%' }}
          fullWidth={false}
        >
          <option value="">{t('inspections.allPlans')}</option>
          {(plans.data ?? []).map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.title}
            </option>
          ))}
        </TextField>
        <ToggleButtonGroup
          size="small"
          value={statuses}
          onChange={(_, next: InspectionStatus[]) => setStatuses(next)}
          aria-label={t('inspections.statusFilter')}
        >
          {INSPECTION_STATUSES.map((status) => (
            <ToggleButton key={status} value={status}>
              {t(`inspections.statuses.${status}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <ApiErrorAlert error={plans.error} onRetry={plans.reload} sx={{ mx: 3, mb: 1 }} />
      <ApiErrorAlert error={list.error} onRetry={list.reload} sx={{ mx: 3, mb: 1 }} />
      <Box
        sx={{ px: 3, pb: 2, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}
        ref={(node: HTMLElement | null) => {
          gridRef.current = node?.querySelector<HTMLElement>('[role="grid"]') ?? null;
        }}
      >
        {loaded && rows.length === 0 ? (
          <Typography color="text.secondary" role="status" sx={{ p: 2 }}>
            {total === 0 && !query && statuses.length === 0 && !planId
              ? t('inspections.empty')
              : t('inspections.noMatch')}
          </Typography>
        ) : (
          <InspectionTable
            label={t('inspections.listLabel')}
            rows={rows}
            activeIndex={activeIndex}
            onActiveIndexChange={setActiveIndex}
            onOpen={(row) => navigate('inspections', row.id)}
            showPlan
          />
        )}
        {rows.length < total && (
          <Button onClick={() => void more()} sx={{ alignSelf: 'center', mt: 1 }}>
            {t('inspections.more', { count: Math.min(PAGE, total - rows.length) })}
          </Button>
        )}
      </Box>
    </Box>
  );
}

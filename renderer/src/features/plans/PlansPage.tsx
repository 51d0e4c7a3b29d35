import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { coverageSentence } from '../../../../shared/domain/progress-phrases';
import { useApiQuery } from '../../api/useApiQuery';
import { navigate } from '../../app/routes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { PlanDetail } from './PlanDetail';
import { PlanFormDialog } from './PlanFormDialog';
import { periodLabel } from './plan-labels';

/** "#/plans" lists plans; "#/plans/<id>" opens one. */
export function PlansRoute({ params }: { params: string[] }) {
  const id = params[0];
  return id ? <PlanDetail key={id} id={id} /> : <PlansPage />;
}

function PlansPage() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('plans.list', { query });
  const overview = useApiQuery('progress.overview', {}, { topics: ['progress', 'plans', 'inspections'] });
  const plans = list.data ?? null;
  const progress = useMemo(
    () => new Map((overview.data?.plans ?? []).map((plan) => [plan.planId, plan])),
    [overview.data],
  );

  const onKey = useCallback((event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'n' && !document.querySelector('[role="dialog"]')) {
      event.preventDefault();
      setCreating(true);
    }
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader title={t('plans.title')}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} aria-keyshortcuts="Alt+N">
          {t('plans.add')} (Alt+N)
        </Button>
      </PageHeader>
      <Box sx={{ px: 3, pb: 1.5 }}>
        <TextField
          type="search"
          label={t('plans.searchLabel')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ width: 360 }}
          fullWidth={false}
        />
      </Box>
      <Box sx={{ px: 3, pb: 2, overflow: 'auto' }}>
        <ApiErrorAlert error={list.error} onRetry={list.reload} sx={{ mb: 1 }} />
        <ApiErrorAlert error={overview.error} onRetry={overview.reload} sx={{ mb: 1 }} />
        {plans !== null && plans.length === 0 && !query ? (
          <Paper sx={{ p: 3 }}>
            <Typography variant="h6" component="p">
              {t('plans.empty')}
            </Typography>
            <Typography color="text.secondary" sx={{ my: 1.5 }}>
              {t('plans.emptyHelp')}
            </Typography>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('plans.add')}
            </Button>
          </Paper>
        ) : (
          <Paper>
            <List aria-label={t('plans.listLabel')}>
              {(plans ?? []).map((plan) => {
                const figures = progress.get(plan.id);
                return (
                  <ListItemButton key={plan.id} onClick={() => navigate('plans', plan.id)} divider>
                    <ListItemText
                      primary={
                        <Stack direction="row" spacing={1} alignItems="center">
                          <Typography sx={{ fontWeight: 500 }}>{plan.title}</Typography>
                          <Chip size="small" label={periodLabel(t, plan)} />
                          {plan.isSample && (
                            <Chip size="small" variant="outlined" color="warning" label={t('common.sampleBadge')} />
                          )}
                        </Stack>
                      }
                      secondary={[plan.issuer, plan.checklistName, figures ? coverageSentence(t, figures) : '']
                        .filter(Boolean)
                        .join(' · ')}
                    />
                  </ListItemButton>
                );
              })}
            </List>
          </Paper>
        )}
      </Box>
      {creating && (
        <PlanFormDialog
          plan={null}
          onClose={() => setCreating(false)}
          onSaved={({ plan }) => {
            setCreating(false);
            notify({ message: t('plans.created', { title: plan.title }) });
            navigate('plans', plan.id);
          }}
        />
      )}
    </Box>
  );
}

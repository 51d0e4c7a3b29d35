import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
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
import type { Plan } from '../../../../shared/domain/plan';
import type { PlanProgress } from '../../../../shared/domain/progress';
import { coverageSentence } from '../../../../shared/domain/progress-phrases';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { navigate } from '../../app/routes';
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
  const api = useApi();
  const { notify } = useNotifier();
  const [query, setQuery] = useState('');
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [progress, setProgress] = useState<Map<string, PlanProgress>>(new Map());
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('plans.list', { query })
      .then((list) => live && setPlans(list))
      .catch((error: unknown) => live && setFailure(errorMessage(error, t('common.unexpected'))));
    return () => {
      live = false;
    };
  }, [api, query, t]);
  useEffect(() => {
    api
      .call('progress.overview', {})
      .then((overview) => setProgress(new Map(overview.plans.map((plan) => [plan.planId, plan]))))
      .catch(() => setProgress(new Map()));
  }, [api]);

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
        {failure && <Alert severity="error">{failure}</Alert>}
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
          onSaved={(plan) => {
            setCreating(false);
            notify({ message: t('plans.created', { title: plan.title }) });
            navigate('plans', plan.id);
          }}
        />
      )}
    </Box>
  );
}

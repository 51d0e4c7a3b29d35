import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  FormControlLabel,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { Official } from '../../../../shared/domain/official';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { OfficialFormDialog } from './OfficialFormDialog';

/** Cán bộ: the people teams are made of, typed once. */
export function OfficialsPage() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<{ official: Official | null } | null>(null);
  const list = useApiQuery('officials.list', { query, active: all ? 'all' : 'active' });
  const rows = list.data?.rows ?? null;

  const onKey = useCallback((event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'n' && !document.querySelector('[role="dialog"]')) {
      event.preventDefault();
      setEditing({ official: null });
    }
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader title={t('officials.title')}>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setEditing({ official: null })}
          aria-keyshortcuts="Alt+N"
        >
          {t('officials.add')} (Alt+N)
        </Button>
      </PageHeader>
      <Stack direction="row" spacing={2} sx={{ px: 3, pb: 1.5 }} alignItems="center">
        <TextField
          type="search"
          label={t('officials.searchLabel')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ width: 360 }}
          fullWidth={false}
        />
        <FormControlLabel
          control={<Switch checked={all} onChange={(event) => setAll(event.target.checked)} />}
          label={t('officials.showInactive')}
        />
      </Stack>
      <Box sx={{ px: 3, pb: 2, overflow: 'auto' }}>
        <ApiErrorAlert error={list.error} onRetry={list.reload} sx={{ mb: 1 }} />
        {rows !== null && rows.length === 0 ? (
          <Paper sx={{ p: 3 }}>
            <Typography color="text.secondary">{t('officials.empty')}</Typography>
          </Paper>
        ) : (
          <Paper>
            <List aria-label={t('officials.listLabel')} dense>
              {(rows ?? []).map((official) => (
                <ListItemButton key={official.id} onClick={() => setEditing({ official })}>
                  <ListItemText
                    primary={
                      <>
                        {official.name}
                        {!official.active && (
                          <Chip size="small" label={t('officials.inactiveBadge')} sx={{ ml: 1, height: 20 }} />
                        )}
                        {official.isSample && (
                          <Chip
                            size="small"
                            variant="outlined"
                            color="warning"
                            label={t('common.sampleBadge')}
                            sx={{ ml: 1, height: 20 }}
                          />
                        )}
                      </>
                    }
                    secondary={[official.position, official.organization, official.phone].filter(Boolean).join(' · ')}
                  />
                </ListItemButton>
              ))}
            </List>
          </Paper>
        )}
      </Box>
      {editing && (
        <OfficialFormDialog
          official={editing.official}
          onClose={() => setEditing(null)}
          onSaved={(official, created) => {
            setEditing(null);
            // An edit is shown as saved; a new person takes their place in the sorted list.
            if (created) list.reload();
            else
              list.setData((current) =>
                current
                  ? { ...current, rows: current.rows.map((row) => (row.id === official.id ? official : row)) }
                  : { total: 1, rows: [official] },
              );
            notify({ message: t(created ? 'officials.created' : 'officials.updated', { name: official.name }) });
          }}
        />
      )}
    </Box>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  FormLabel,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  MANAGING_BODIES,
  UNIT_KINDS,
  type ManagingBody,
  type SchoolLevel,
  type Unit,
  type UnitKind,
} from '../../../../shared/domain/unit';
import { breakdownSentence } from '../../../../shared/domain/progress-phrases';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';

interface ScopeDialogProps {
  planId: string;
  onClose(): void;
  onAdded(count: number): void;
}

/**
 * Grows a plan's scope: every active unit of some kinds / managing bodies / matching a search,
 * with a live count before anything is added; or units picked one by one.
 */
export function ScopeDialog({ planId, onClose, onAdded }: ScopeDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const [mode, setMode] = useState<'filter' | 'hand'>('filter');
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  const [bodies, setBodies] = useState<ManagingBody[]>([]);
  const [query, setQuery] = useState('');
  const [preview, setPreview] = useState<{
    matching: number;
    alreadyInScope: number;
    byKind: Record<UnitKind, number>;
    bySchoolLevel: Record<SchoolLevel, number>;
  } | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Unit[]>([]);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const selection =
    mode === 'filter' ? { filter: { kinds, managingBodies: bodies, query } } : { unitIds: [...picked.keys()] };

  useEffect(() => {
    if (mode !== 'filter') return undefined;
    let live = true;
    api
      .call('plans.previewScope', { planId, selection: { filter: { kinds, managingBodies: bodies, query } } })
      .then((answer) => live && setPreview(answer))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [api, planId, mode, kinds, bodies, query]);

  useEffect(() => {
    if (mode !== 'hand') return undefined;
    let live = true;
    api
      .call('registry.list', { query: search, limit: 30 })
      .then((answer) => live && setFound(answer.rows))
      .catch(() => live && setFound([]));
    return () => {
      live = false;
    };
  }, [api, mode, search]);

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const newCount = mode === 'filter' ? (preview ? preview.matching - preview.alreadyInScope : 0) : picked.size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newCount === 0 || busy) return;
    setBusy(true);
    try {
      const answer = await api.call('plans.addScope', { planId, selection });
      onAdded(answer.added);
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{t('plans.scope.addTitle')}</DialogTitle>
        <DialogContent dividers sx={{ minHeight: 380 }}>
          {failure && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          )}
          <Tabs value={mode} onChange={(_, next: 'filter' | 'hand') => setMode(next)} sx={{ mb: 2 }}>
            <Tab value="filter" label={t('plans.scope.byFilter')} />
            <Tab value="hand" label={t('plans.scope.byHand')} />
          </Tabs>
          {mode === 'filter' ? (
            <Box>
              <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                <FormGroup>
                  <FormLabel component="legend">{t('plans.scope.kinds')}</FormLabel>
                  {UNIT_KINDS.map((kind) => (
                    <FormControlLabel
                      key={kind}
                      control={
                        <Checkbox
                          size="small"
                          checked={kinds.includes(kind)}
                          onChange={() => setKinds(toggle(kinds, kind))}
                        />
                      }
                      label={t(`registry.kinds.${kind}`)}
                    />
                  ))}
                </FormGroup>
                <FormGroup>
                  <FormLabel component="legend">{t('plans.scope.managingBodies')}</FormLabel>
                  {MANAGING_BODIES.map((body) => (
                    <FormControlLabel
                      key={body}
                      control={
                        <Checkbox
                          size="small"
                          checked={bodies.includes(body)}
                          onChange={() => setBodies(toggle(bodies, body))}
                        />
                      }
                      label={t(`registry.managingBodies.${body}`)}
                    />
                  ))}
                </FormGroup>
                <Box sx={{ flex: '1 1 260px' }}>
                  <TextField
                    label={t('plans.scope.query')}
                    value={query}
                    onChange={(event) => setQuery(event.target.value)}
                  />
                </Box>
              </Box>
              <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
                {preview && (
                  <>
                    <Typography>
                      {newCount > 0
                        ? t('plans.scope.preview', {
                            count: newCount,
                            breakdown: breakdownSentence(t, preview.byKind, preview.bySchoolLevel),
                          })
                        : t('plans.scope.previewNone')}
                    </Typography>
                    {preview.alreadyInScope > 0 && (
                      <Typography variant="body2" color="text.secondary">
                        {t('plans.scope.already', { count: preview.alreadyInScope })}
                      </Typography>
                    )}
                  </>
                )}
              </Box>
            </Box>
          ) : (
            <Box>
              <TextField
                autoFocus
                type="search"
                label={t('plans.scope.pick')}
                helperText={t('plans.scope.pickHelp')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    const first = found.find((unit) => !picked.has(unit.id));
                    if (first) setPicked(new Map(picked).set(first.id, first.name));
                  }
                }}
              />
              <Typography variant="body2" sx={{ mt: 1 }} role="status">
                {t('plans.scope.picked', { count: picked.size })}
              </Typography>
              <List dense sx={{ maxHeight: 300, overflow: 'auto' }}>
                {found.map((unit) => (
                  <ListItem key={unit.id} disablePadding>
                    <ListItemButton
                      onClick={() => {
                        const next = new Map(picked);
                        if (next.has(unit.id)) next.delete(unit.id);
                        else next.set(unit.id, unit.name);
                        setPicked(next);
                      }}
                    >
                      <ListItemIcon sx={{ minWidth: 36 }}>
                        <Checkbox
                          edge="start"
                          size="small"
                          checked={picked.has(unit.id)}
                          tabIndex={-1}
                          inputProps={{ 'aria-label': unit.name }}
                        />
                      </ListItemIcon>
                      <ListItemText primary={unit.name} secondary={t(`registry.kinds.${unit.kind}`)} />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')} (Esc)
          </Button>
          <Button type="submit" variant="contained" disabled={busy || newCount === 0}>
            {t('plans.scope.confirm', { count: newCount })}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import {
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
  IconButton,
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
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  MANAGING_BODIES,
  UNIT_KINDS,
  type ManagingBody,
  type Unit,
  type UnitKind,
} from '../../../../shared/domain/unit';
import { breakdownSentence } from '../../../../shared/domain/progress-phrases';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

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
  const titleId = useId();
  const [mode, setMode] = useState<'filter' | 'hand'>('filter');
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  const [bodies, setBodies] = useState<ManagingBody[]>([]);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  /** Units chosen by hand, in the order chosen, with what the clerk needs to check them. */
  const [picked, setPicked] = useState<Map<string, Picked>>(new Map());

  const selection =
    mode === 'filter' ? { filter: { kinds, managingBodies: bodies, query } } : { unitIds: [...picked.keys()] };
  const previewQuery = useApiQuery(
    'plans.previewScope',
    mode === 'filter' ? { planId, selection: { filter: { kinds, managingBodies: bodies, query } } } : null,
    { topics: ['plans', 'registry', 'inspections'] },
  );
  const preview = previewQuery.data;
  const foundQuery = useApiQuery('registry.list', mode === 'hand' ? { query: search, limit: 30 } : null);
  const found = foundQuery.data?.rows ?? [];
  // The answer is only a count: the schedule and the figures are read again.
  const add = useApiCommand('plans.addScope', { invalidates: ['inspections', 'progress'] });
  const busy = add.pending;

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const newCount = mode === 'filter' ? (preview ? preview.matching - preview.alreadyInScope : 0) : picked.size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newCount === 0 || busy) return;
    const answer = await add.run({ planId, selection });
    if (answer) onAdded(answer.added);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{t('plans.scope.addTitle')}</DialogTitle>
        <DialogContent dividers sx={{ minHeight: 380 }}>
          <ApiErrorAlert error={add.error} sx={{ mb: 2 }} />
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
              <ApiErrorAlert error={previewQuery.error} onRetry={previewQuery.reload} sx={{ mt: 2 }} />
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
                    if (first) setPicked(new Map(picked).set(first.id, pickedOf(t, first)));
                  }
                }}
              />
              <ApiErrorAlert error={foundQuery.error} onRetry={foundQuery.reload} sx={{ mt: 1 }} />
              <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, mt: 1 }}>
                <List dense aria-label={t('plans.scope.found')} sx={{ maxHeight: 300, overflow: 'auto' }}>
                  {found.map((unit) => (
                    <ListItem key={unit.id} disablePadding>
                      <ListItemButton
                        onClick={() => {
                          const next = new Map(picked);
                          if (next.has(unit.id)) next.delete(unit.id);
                          else next.set(unit.id, pickedOf(t, unit));
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
                        <ListItemText primary={unit.name} secondary={pickedOf(t, unit).kind} />
                      </ListItemButton>
                    </ListItem>
                  ))}
                </List>
                {/* What will be added, to review before confirming: name and kind, each removable. */}
                <Box component="section" aria-labelledby={`${titleId}-picked`}>
                  <Typography id={`${titleId}-picked`} variant="subtitle2" role="status">
                    {t('plans.scope.picked', { count: picked.size })}
                  </Typography>
                  <List dense sx={{ maxHeight: 280, overflow: 'auto' }}>
                    {[...picked].map(([id, unit]) => (
                      <ListItem
                        key={id}
                        secondaryAction={
                          <IconButton
                            edge="end"
                            size="small"
                            aria-label={t('plans.scope.unpick', { name: unit.name })}
                            onClick={() => {
                              const next = new Map(picked);
                              next.delete(id);
                              setPicked(next);
                            }}
                          >
                            <CloseIcon fontSize="small" />
                          </IconButton>
                        }
                      >
                        <ListItemText primary={unit.name} secondary={unit.kind} />
                      </ListItem>
                    ))}
                  </List>
                </Box>
              </Box>
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

interface Picked {
  name: string;
  /** "Trường tiểu học", "UBND xã, thị trấn"…: the level says more than "Trường học". */
  kind: string;
}

function pickedOf(t: TFunction, unit: Unit): Picked {
  const kind = unit.schoolLevel ? t(`registry.schoolKinds.${unit.schoolLevel}`) : t(`registry.kinds.${unit.kind}`);
  return { name: unit.name, kind };
}

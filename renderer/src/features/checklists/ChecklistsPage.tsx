import { useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  TextField,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_TARGETS, type Checklist, type ChecklistTarget } from '../../../../shared/domain/checklist';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useDataEvents } from '../../api/data-events';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { ChecklistEditor } from './ChecklistEditor';
import { toContent, toDraft } from './checklist-draft';

/** Bộ tiêu chí: the checklists, each with its versions. */
export function ChecklistsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const listQuery = useApiQuery('checklists.list', { includeInactive: true });
  const list = listQuery.data ?? [];
  const [chosen, setSelected] = useState<{ id: string; versionId: string | null } | null>(null);
  // Until the clerk picks one, the first checklist is open.
  const first = list[0];
  const selected = chosen ?? (first ? { id: first.id, versionId: null } : null);
  // Read again only on request or after a restore: its own saves answer with what it shows.
  const getQuery = useApiQuery(
    'checklists.get',
    selected ? { checklistId: selected.id, versionId: selected.versionId } : null,
    { topics: [] },
  );
  const loaded = getQuery.data;
  const [creating, setCreating] = useState(false);
  const events = useDataEvents();

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader title={t('checklists.title')}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t('checklists.add')}
        </Button>
      </PageHeader>
      <ApiErrorAlert error={listQuery.error} onRetry={listQuery.reload} sx={{ mx: 3, mb: 1 }} />
      <ApiErrorAlert error={getQuery.error} onRetry={getQuery.reload} sx={{ mx: 3, mb: 1 }} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '320px 1fr', gap: 2, px: 3, pb: 2, minHeight: 0, flexGrow: 1 }}>
        <Paper sx={{ overflow: 'auto', alignSelf: 'start' }}>
          <List aria-label={t('checklists.listLabel')}>
            {list.map((checklist) => (
              <ListItemButton
                key={checklist.id}
                selected={selected?.id === checklist.id}
                onClick={() => setSelected({ id: checklist.id, versionId: null })}
              >
                <ListItemText
                  primary={checklist.name}
                  secondary={
                    <>
                      {t('checklists.version', { version: checklist.latestVersionNo })} ·{' '}
                      {t('checklists.criteriaCount', { count: checklist.criterionCount })}
                      {checklist.isDefault && (
                        <Chip
                          component="span"
                          size="small"
                          label={t('checklists.defaultBadge')}
                          sx={{ ml: 1, height: 18 }}
                        />
                      )}
                      {!checklist.active && (
                        <Chip
                          component="span"
                          size="small"
                          label={t('checklists.inactiveBadge')}
                          sx={{ ml: 1, height: 18 }}
                        />
                      )}
                    </>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Box sx={{ overflow: 'auto', minHeight: 0 }}>
          {loaded && (
            <ChecklistEditor
              key={`${loaded.version.id}:${getQuery.version}`}
              loaded={loaded}
              onSaved={(saved) => getQuery.setData(() => saved)}
              onOpenVersion={(versionId) => setSelected({ id: loaded.checklist.id, versionId })}
            />
          )}
        </Box>
      </Box>
      {creating && (
        <CreateDialog
          checklists={list}
          onClose={() => setCreating(false)}
          onCreate={async (name, target, copyFrom) => {
            const source = copyFrom ? await api.call('checklists.get', { checklistId: copyFrom }) : null;
            const content = source
              ? toContent(toDraft(source.version, true))
              : {
                  groups: [
                    {
                      id: null,
                      title: t('checklists.fields.group', { number: 1 }),
                      criteria: [{ id: null, text: t('checklists.fields.criterion', { number: 1 }) }],
                    },
                  ],
                };
            // Failures are said in the dialog (it catches), so this is a plain call.
            const created = await api.call('checklists.create', {
              header: { name, target, description: '', active: true },
              content,
            });
            events.changed(['checklists']);
            setCreating(false);
            notify({ message: t('checklists.created', { name }) });
            setSelected({ id: created.checklist.id, versionId: null });
          }}
        />
      )}
    </Box>
  );
}

function CreateDialog(props: {
  checklists: Checklist[];
  onClose(): void;
  onCreate(name: string, target: ChecklistTarget, copyFrom: string | null): Promise<void>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [name, setName] = useState('');
  const [target, setTarget] = useState<ChecklistTarget>('any');
  const [copyFrom, setCopyFrom] = useState(props.checklists[0]?.id ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setFailure(t('validation.required'));
      return;
    }
    try {
      await props.onCreate(name, target, copyFrom || null);
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    }
  };
  return (
    <Dialog open onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{t('checklists.addTitle')}</DialogTitle>
        <DialogContent dividers>
          {failure && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {failure}
            </Alert>
          )}
          <TextField
            autoFocus
            required
            label={t('checklists.fields.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            sx={{ mb: 2 }}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <TextField
            select
            label={t('checklists.fields.target')}
            value={target}
            onChange={(event) => setTarget(event.target.value as ChecklistTarget)}
            sx={{ mb: 2 }}
            slotProps={{ select: { native: true } }}
          >
            {CHECKLIST_TARGETS.map((value) => (
              <option key={value} value={value}>
                {t(`checklists.targets.${value}`)}
              </option>
            ))}
          </TextField>
          <TextField
            select
            label={t('checklists.copyFrom')}
            value={copyFrom}
            onChange={(event) => setCopyFrom(event.target.value)}
            slotProps={{ select: { native: true } }}
          >
            <option value="">{t('checklists.blank')}</option>
            {props.checklists.map((checklist) => (
              <option key={checklist.id} value={checklist.id}>
                {checklist.name}
              </option>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('common.cancel')} (Esc)</Button>
          <Button type="submit" variant="contained">
            {t('checklists.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

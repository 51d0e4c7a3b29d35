import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  IconButton,
  Paper,
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api/contract';
import { CHECKLIST_TARGETS, type ChecklistTarget } from '../../../../shared/domain/checklist';
import { formatDateTime } from '../../../../shared/format/date';
import { errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useNotifier } from '../../components/Notifier';
import { localKey, moveItem, toContent, toDraft, type DraftGroup } from './checklist-draft';

type Loaded = ApiOutput<'checklists.get'>;

/**
 * One checklist: its groups and criteria, edited as a whole and saved with Ctrl+S. If the
 * newest version was used by finalised minutes the save makes a new version (the core
 * decides; the editor says so beforehand). Old versions open read-only.
 */
export function ChecklistEditor({
  loaded,
  onSaved,
  onOpenVersion,
}: {
  loaded: Loaded;
  /** The checklist and version as saved. */
  onSaved(saved: Loaded): void;
  onOpenVersion(versionId: string | null): void;
}) {
  const { t } = useTranslation();
  const saveCommand = useApiCommand('checklists.save', { invalidates: ['checklists'] });
  const { notify } = useNotifier();
  const { checklist, version, versions } = loaded;
  const isLatest = version.id === checklist.latestVersionId;
  const [name, setName] = useState(checklist.name);
  const [target, setTarget] = useState<ChecklistTarget>(checklist.target);
  const [description, setDescription] = useState(checklist.description);
  const [active, setActive] = useState(checklist.active);
  const [groups, setGroups] = useState<DraftGroup[]>(() => toDraft(version));
  const [note, setNote] = useState('');
  const [dirty, setDirty] = useState(false);
  const failure = saveCommand.error;
  const readOnly = !isLatest;

  const change = (next: DraftGroup[]) => {
    setGroups(next);
    setDirty(true);
  };
  const updateGroup = (index: number, patch: Partial<DraftGroup>) =>
    change(groups.map((group, at) => (at === index ? { ...group, ...patch } : group)));

  const save = async () => {
    if (readOnly) return;
    const answer = await saveCommand.run({
      checklistId: checklist.id,
      baseVersionId: version.id,
      header: { name, target, description, active },
      content: toContent(groups),
      note,
    });
    if (answer) {
      setDirty(false);
      notify({
        message: !answer.changed
          ? t('checklists.nothingChanged')
          : answer.newVersion
            ? t('checklists.savedNewVersion', { version: answer.version.versionNo })
            : t('checklists.saved'),
        severity: answer.changed ? 'success' : 'info',
      });
      onSaved(answer);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const firstNumber = groups.map((_, index) =>
    groups.slice(0, index).reduce((sum, group) => sum + group.criteria.length, 1),
  );
  return (
    <Stack spacing={2}>
      {failure !== null && <Alert severity="error">{errorMessage(failure, t('common.unexpected'))}</Alert>}
      {readOnly && (
        <Alert
          severity="info"
          action={<Button onClick={() => onOpenVersion(null)}>{t('checklists.viewLatest')}</Button>}
        >
          {t('checklists.oldVersion')}
        </Alert>
      )}
      {!readOnly && checklist.latestLocked && <Alert severity="warning">{t('checklists.lockedHelp')}</Alert>}
      <Paper sx={{ p: 2 }}>
        <Box
          sx={{ display: 'grid', gridTemplateColumns: 'minmax(320px, 1fr) 200px auto', gap: 2, alignItems: 'center' }}
        >
          <TextField
            label={t('checklists.fields.name')}
            value={name}
            required
            multiline
            maxRows={3}
            slotProps={{ htmlInput: { readOnly, maxLength: 200 } }}
            onChange={(event) => {
              setName(event.target.value);
              setDirty(true);
            }}
          />
          <TextField
            select
            label={t('checklists.fields.target')}
            value={target}
            disabled={readOnly}
            slotProps={{ select: { native: true } }}
            onChange={(event) => {
              setTarget(event.target.value as ChecklistTarget);
              setDirty(true);
            }}
          >
            {CHECKLIST_TARGETS.map((value) => (
              <option key={value} value={value}>
                {t(`checklists.targets.${value}`)}
              </option>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Switch
                checked={active}
                disabled={readOnly}
                onChange={(event) => {
                  setActive(event.target.checked);
                  setDirty(true);
                }}
              />
            }
            label={t('checklists.fields.active')}
          />
        </Box>
        <TextField
          label={t('checklists.fields.description')}
          value={description}
          multiline
          minRows={1}
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { readOnly, maxLength: 2000 } }}
          onChange={(event) => {
            setDescription(event.target.value);
            setDirty(true);
          }}
        />
        <Stack
          direction="row"
          spacing={1}
          sx={{ mt: 2 }}
          flexWrap="wrap"
          useFlexGap
          aria-label={t('checklists.versions')}
        >
          {versions.map((info) => (
            <Chip
              key={info.id}
              label={t('checklists.versionInfo', {
                version: info.versionNo,
                criteria: info.criterionCount,
                inspections: info.inspectionCount,
              })}
              title={formatDateTime(info.createdAt)}
              color={info.id === version.id ? 'primary' : 'default'}
              variant={info.id === version.id ? 'filled' : 'outlined'}
              onClick={() => onOpenVersion(info.id === checklist.latestVersionId ? null : info.id)}
            />
          ))}
        </Stack>
      </Paper>

      {groups.map((group, groupIndex) => (
        <Paper
          key={group.key}
          component="section"
          aria-label={t('checklists.fields.group', { number: groupIndex + 1 })}
          sx={{ p: 2 }}
        >
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1.5 }}>
            <Typography sx={{ fontWeight: 700, width: 28 }}>{groupIndex + 1}.</Typography>
            <TextField
              label={t('checklists.fields.groupTitle')}
              value={group.title}
              required
              slotProps={{
                htmlInput: {
                  readOnly,
                  maxLength: 300,
                  'aria-label': t('checklists.fields.group', { number: groupIndex + 1 }),
                },
              }}
              onChange={(event) => updateGroup(groupIndex, { title: event.target.value })}
            />
            {!readOnly && (
              <RowButtons
                label={group.title}
                first={groupIndex === 0}
                last={groupIndex === groups.length - 1}
                onUp={() => change(moveItem(groups, groupIndex, -1))}
                onDown={() => change(moveItem(groups, groupIndex, 1))}
                onRemove={() => change(groups.filter((_, at) => at !== groupIndex))}
                removeLabel={t('checklists.retireGroup', { title: group.title })}
              />
            )}
          </Stack>
          {group.criteria.map((criterion, index) => {
            const number = (firstNumber[groupIndex] ?? 1) + index;
            const label = t('checklists.fields.criterion', { number });
            return (
              <Stack key={criterion.key} direction="row" spacing={1} alignItems="center" sx={{ mb: 1, pl: 4.5 }}>
                <TextField
                  label={label}
                  value={criterion.text}
                  multiline
                  maxRows={4}
                  slotProps={{ htmlInput: { readOnly, maxLength: 1000 } }}
                  onChange={(event) =>
                    updateGroup(groupIndex, {
                      criteria: group.criteria.map((item, at) =>
                        at === index ? { ...item, text: event.target.value } : item,
                      ),
                    })
                  }
                />
                {!readOnly && (
                  <RowButtons
                    label={criterion.text}
                    first={index === 0}
                    last={index === group.criteria.length - 1}
                    onUp={() => updateGroup(groupIndex, { criteria: moveItem(group.criteria, index, -1) })}
                    onDown={() => updateGroup(groupIndex, { criteria: moveItem(group.criteria, index, 1) })}
                    onRemove={() =>
                      updateGroup(groupIndex, { criteria: group.criteria.filter((_, at) => at !== index) })
                    }
                    removeLabel={t('checklists.retireCriterion', { number })}
                  />
                )}
              </Stack>
            );
          })}
          {!readOnly && (
            <Button
              size="small"
              startIcon={<AddIcon />}
              sx={{ ml: 4.5 }}
              onClick={() =>
                updateGroup(groupIndex, { criteria: [...group.criteria, { key: localKey(), id: null, text: '' }] })
              }
            >
              {t('checklists.addCriterion')}
            </Button>
          )}
        </Paper>
      ))}
      {!readOnly && (
        <Stack direction="row" spacing={2} alignItems="center">
          <Button
            startIcon={<AddIcon />}
            onClick={() =>
              change([
                ...groups,
                { key: localKey(), id: null, title: '', criteria: [{ key: localKey(), id: null, text: '' }] },
              ])
            }
          >
            {t('checklists.addGroup')}
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          {checklist.latestLocked && dirty && (
            <TextField
              label={t('checklists.fields.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              sx={{ width: 360 }}
              fullWidth={false}
              slotProps={{ htmlInput: { maxLength: 300 } }}
            />
          )}
          {dirty && (
            <Typography variant="body2" color="warning.main">
              {t('checklists.unsaved')}
            </Typography>
          )}
          <Button
            disabled={!dirty}
            onClick={() => {
              setGroups(toDraft(version));
              setName(checklist.name);
              setTarget(checklist.target);
              setDescription(checklist.description);
              setActive(checklist.active);
              setDirty(false);
            }}
          >
            {t('checklists.discard')}
          </Button>
          <Button variant="contained" disabled={!dirty} onClick={() => void save()} aria-keyshortcuts="Control+S">
            {t('checklists.save')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function RowButtons(props: {
  label: string;
  first: boolean;
  last: boolean;
  onUp(): void;
  onDown(): void;
  onRemove(): void;
  removeLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack direction="row">
      <Tooltip title={t('checklists.moveUp')}>
        <span>
          <IconButton
            size="small"
            disabled={props.first}
            aria-label={`${t('checklists.moveUp')}: ${props.label}`}
            onClick={props.onUp}
          >
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={t('checklists.moveDown')}>
        <span>
          <IconButton
            size="small"
            disabled={props.last}
            aria-label={`${t('checklists.moveDown')}: ${props.label}`}
            onClick={props.onDown}
          >
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={props.removeLabel}>
        <IconButton size="small" aria-label={props.removeLabel} onClick={props.onRemove}>
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

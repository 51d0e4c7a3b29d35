import { useState } from 'react';
import { Alert, Autocomplete, Box, Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { Official } from '../../../../shared/domain/official';
import { TEAM_ROLES, type PlanMember, type TeamRole } from '../../../../shared/domain/plan';
import { ApiCallError, errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';
import { OfficialFormDialog } from '../officials/OfficialFormDialog';

interface Row {
  officialId: string;
  name: string;
  role: TeamRole;
  position: string;
}

/**
 * The plan's team, chosen from the list of officials (names are typed once, in Cán bộ): type a
 * name, pick with ↓ and Enter; a person not yet listed is added on the spot. Save writes the
 * whole team in order.
 */
interface TeamEditorProps {
  planId: string;
  team: PlanMember[];
  /** The team as loaded: a save based on a team someone changed since is refused. */
  teamRev: string;
  /** The plan and team as saved (with the team's new revision). */
  onSaved(saved: ApiOutput<'plans.setTeam'>): void;
}

export function TeamEditor({ planId, team, teamRev, onSaved }: TeamEditorProps) {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const [rows, setRows] = useState<Row[]>(() =>
    team.map((member) => ({
      officialId: member.officialId,
      name: member.name,
      role: member.role,
      position: member.position,
    })),
  );
  const [input, setInput] = useState('');
  const officials = useApiQuery('officials.list', { query: input, limit: 50 });
  const options = officials.data?.rows ?? [];
  const [creating, setCreating] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const saveCommand = useApiCommand('plans.setTeam');
  const failure = saveCommand.error;
  const teamError = failure instanceof ApiCallError ? failure.fields?.team : undefined;

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const add = (official: Official) => {
    if (rows.some((row) => row.officialId === official.id)) return;
    const role: TeamRole = rows.some((row) => row.role === 'leader') ? 'member' : 'leader';
    change([...rows, { officialId: official.id, name: official.name, role, position: official.position }]);
    setInput('');
  };
  const move = (index: number, delta: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (!row) return;
    next.splice(Math.max(0, Math.min(next.length, index + delta)), 0, row);
    change(next);
  };
  const save = async () => {
    const saved = await saveCommand.run({
      planId,
      teamRev,
      team: rows.map(({ officialId, role, position }) => ({ officialId, role, position })),
    });
    if (!saved) return;
    setDirty(false);
    notify({ message: t('plans.team.saved') });
    onSaved(saved);
  };

  return (
    <Box component="section" aria-label={t('plans.team.label')} sx={{ maxWidth: 960 }}>
      {failure !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {/* What is wrong with the team, in its own words, rather than the general refusal. */}
          {teamError ? `${t(teamError)} ${t('plans.team.notSaved')}` : errorMessage(failure, t('common.unexpected'))}
        </Alert>
      )}
      <ApiErrorAlert error={officials.error} onRetry={officials.reload} sx={{ mb: 2 }} />
      {rows.length === 0 && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('plans.team.empty')}
        </Typography>
      )}
      {rows.map((row, index) => (
        <Box
          key={row.officialId}
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(200px, 1fr) 180px minmax(200px, 1fr) 120px',
            gap: 1,
            mb: 1,
            alignItems: 'center',
          }}
        >
          <Typography sx={{ fontWeight: 500 }}>{row.name}</Typography>
          <TextField
            select
            label={t('inspections.fields.role')}
            value={row.role}
            onChange={(event) =>
              change(rows.map((item, at) => (at === index ? { ...item, role: event.target.value as TeamRole } : item)))
            }
            slotProps={{
              select: { native: true },
              htmlInput: { 'aria-label': `${t('inspections.fields.role')}: ${row.name}` },
            }}
          >
            {TEAM_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`inspections.roles.${role}`)}
              </option>
            ))}
          </TextField>
          <TextField
            label={t('inspections.fields.position')}
            value={row.position}
            onChange={(event) =>
              change(rows.map((item, at) => (at === index ? { ...item, position: event.target.value } : item)))
            }
            slotProps={{
              htmlInput: { maxLength: 150, 'aria-label': `${t('inspections.fields.position')}: ${row.name}` },
            }}
          />
          <Stack direction="row">
            <Tooltip title={t('plans.team.moveUp', { name: row.name })}>
              <span>
                <IconButton
                  size="small"
                  aria-label={t('plans.team.moveUp', { name: row.name })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={t('plans.team.moveDown', { name: row.name })}>
              <span>
                <IconButton
                  size="small"
                  aria-label={t('plans.team.moveDown', { name: row.name })}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
            <Tooltip title={t('plans.team.remove', { name: row.name })}>
              <IconButton
                size="small"
                aria-label={t('plans.team.remove', { name: row.name })}
                onClick={() => change(rows.filter((_, at) => at !== index))}
              >
                <DeleteOutlineIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
        </Box>
      ))}
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 2 }}>
        <Autocomplete
          sx={{ width: 420 }}
          options={options.filter((official) => !rows.some((row) => row.officialId === official.id))}
          getOptionLabel={(official) => official.name}
          filterOptions={(list) => list}
          clearOnBlur={false}
          inputValue={input}
          onInputChange={(_, value) => setInput(value)}
          value={null}
          onChange={(_, official) => official && add(official)}
          renderOption={(props, official) => (
            <li {...props} key={official.id}>
              <Box>
                <Typography>{official.name}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {[official.position, official.organization].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
            </li>
          )}
          renderInput={(params) => <TextField {...params} label={t('plans.team.pick')} />}
          noOptionsText={t('common.none')}
        />
        <Button startIcon={<PersonAddIcon />} onClick={() => setCreating(input)}>
          {t('plans.team.newOfficial')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {dirty && (
          <Typography variant="body2" color="warning.main">
            {t('checklists.unsaved')}
          </Typography>
        )}
        <Button variant="contained" disabled={!dirty} onClick={() => void save()}>
          {t('plans.team.save')}
        </Button>
      </Stack>
      {creating !== null && (
        <OfficialFormDialog
          official={null}
          initialName={creating}
          onClose={() => setCreating(null)}
          onSaved={(official) => {
            setCreating(null);
            add(official);
          }}
        />
      )}
    </Box>
  );
}

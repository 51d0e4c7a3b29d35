import { useState } from 'react';
import { Box, Button, IconButton, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useTranslation } from 'react-i18next';
import { lockedKey } from './locked-key';
import { TEAM_ROLES, type TeamRole } from '../../../../shared/domain/plan';
import { newRowId } from '../../../../shared/domain/row-id';

export interface PersonRow {
  id: string;
  name: string;
  position: string;
  role?: TeamRole;
  officialId?: string | null;
}

interface PeopleEditorProps<T extends PersonRow> {
  /** Heading and the word used in each field's accessible name ("Họ và tên 2 — Thành phần đoàn"). */
  title: string;
  rows: T[];
  withRole: boolean;
  readOnly: boolean;
  addLabel: string;
  /** Field errors keyed "<prefix>" (the list) and "<prefix>.<index>.name". */
  errors: Record<string, string>;
  errorPrefix: string;
  make(): T;
  onChange(rows: T[]): void;
  onLockedAttempt(): void;
}

/** A short list of people (team present, the unit's representatives): name, position, role. */
export function PeopleEditor<T extends PersonRow>(props: PeopleEditorProps<T>) {
  const { title, rows, withRole, readOnly, errors, errorPrefix } = props;
  const { t } = useTranslation();
  // The row just added takes the keyboard, so the clerk types the name straight away.
  const [added, setAdded] = useState<string | null>(null);
  const update = (index: number, patch: Partial<PersonRow>) =>
    props.onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const add = () => {
    const row = props.make();
    setAdded(row.id);
    props.onChange([...rows, row]);
  };
  const listError = errors[errorPrefix];
  const columns = withRole
    ? 'minmax(180px, 1fr) minmax(180px, 1fr) 170px 40px'
    : 'minmax(180px, 1fr) minmax(180px, 1fr) 40px';
  return (
    <Box component="section" aria-label={title} sx={{ mb: 2 }}>
      <Typography component="h3" sx={{ fontWeight: 600, fontSize: 15, mb: 1 }}>
        {title}
      </Typography>
      {listError && (
        <Typography color="error" variant="body2" role="alert" sx={{ mb: 1 }}>
          {t(listError)}
        </Typography>
      )}
      {rows.map((row, index) => {
        const nameError = errors[`${errorPrefix}.${index}.name`];
        const suffix = `${index + 1} — ${title}`;
        return (
          <Box key={row.id} sx={{ display: 'grid', gridTemplateColumns: columns, gap: 1, mb: 1, alignItems: 'start' }}>
            <TextField
              label={t('inspections.fields.name')}
              value={row.name}
              autoFocus={row.id === added}
              error={Boolean(nameError)}
              helperText={nameError ? t(nameError) : undefined}
              onChange={(event) => update(index, { name: event.target.value })}
              onKeyDown={(event) => lockedKey(event, readOnly, props.onLockedAttempt)}
              slotProps={{
                htmlInput: { readOnly, maxLength: 120, 'aria-label': `${t('inspections.fields.name')} ${suffix}` },
              }}
            />
            <TextField
              label={t('inspections.fields.position')}
              value={row.position}
              onChange={(event) => update(index, { position: event.target.value })}
              onKeyDown={(event) => lockedKey(event, readOnly, props.onLockedAttempt)}
              slotProps={{
                htmlInput: { readOnly, maxLength: 150, 'aria-label': `${t('inspections.fields.position')} ${suffix}` },
              }}
            />
            {withRole && (
              <TextField
                select
                label={t('inspections.fields.role')}
                value={row.role ?? 'member'}
                disabled={readOnly}
                onChange={(event) => update(index, { role: event.target.value as TeamRole })}
                slotProps={{
                  select: { native: true },
                  htmlInput: { 'aria-label': `${t('inspections.fields.role')} ${suffix}` },
                }}
              >
                {TEAM_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`inspections.roles.${role}`)}
                  </option>
                ))}
              </TextField>
            )}
            <Tooltip title={t('inspections.editor.remove')}>
              <span>
                <IconButton
                  aria-label={t('inspections.editor.removeNamed', { name: row.name || suffix })}
                  disabled={readOnly}
                  onClick={() => props.onChange(rows.filter((_, at) => at !== index))}
                >
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Box>
        );
      })}
      {!readOnly && (
        <Button size="small" startIcon={<AddIcon />} onClick={add}>
          {props.addLabel}
        </Button>
      )}
    </Box>
  );
}

export function newPerson(): PersonRow & { role: TeamRole; officialId: null } {
  return { id: newRowId(), name: '', position: '', role: 'member', officialId: null };
}

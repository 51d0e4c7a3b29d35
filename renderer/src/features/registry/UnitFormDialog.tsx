import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  MANAGING_BODIES,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  UNIT_KINDS,
  defaultManagingBody,
  emptyUnitInput,
  unitInputSchema,
  unitToInput,
  type Unit,
  type UnitInputRaw,
  type UnitKind,
} from '../../../../shared/domain/unit';
import { inferFromName } from '../../../../shared/domain/unit-names';
import { formatDateTime } from '../../../../shared/format/date';
import { ApiCallError } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldErrors } from '../../components/zod-errors';
import { ParentPicker } from './ParentPicker';

export interface SavedUnit {
  unit: Unit;
  undoId: string;
  created: boolean;
}

interface UnitFormDialogProps {
  /** null to add a new unit. The dialog is mounted per unit (keyed), so its state starts fresh. */
  unit: Unit | null;
  onClose(): void;
  onSaved(saved: SavedUnit): void;
}

type Errors = Partial<Record<keyof UnitInputRaw, string>>;

/**
 * Add or edit a unit. Keyboard first: the name has focus, Tab moves on, Enter saves from any
 * one-line field, Ctrl+Enter saves from anywhere, Esc cancels. Lists are native selects so
 * arrow keys and type-ahead change them without opening a menu.
 */
export function UnitFormDialog({ unit, onClose, onSaved }: UnitFormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [value, setValue] = useState<UnitInputRaw>(() => (unit ? unitToInput(unit) : emptyUnitInput()));
  const [parent, setParent] = useState<{ id: string; name: string } | null>(() =>
    unit?.parentId ? { id: unit.parentId, name: unit.parentName ?? '' } : null,
  );
  const [managingBodyTouched, setManagingBodyTouched] = useState(unit !== null);
  // A new unit's kind, level and type follow its name until the clerk picks them.
  const [kindTouched, setKindTouched] = useState(unit !== null);
  const [localErrors, setErrors] = useState<Errors>({});
  const create = useApiCommand('registry.create');
  const update = useApiCommand('registry.update');
  const failure = create.error ?? update.error;
  const busy = create.pending || update.pending;
  // The core's field errors (a code already used) beside the form's own.
  const errors: Errors = { ...localErrors, ...(failure instanceof ApiCallError ? failure.fields : undefined) };

  const set = <K extends keyof UnitInputRaw>(key: K, next: UnitInputRaw[K]) =>
    setValue((current) => ({ ...current, [key]: next }));

  const changeKind = (kind: UnitKind) =>
    setValue((current) => ({
      ...current,
      kind,
      schoolLevel: kind === 'school' ? (current.schoolLevel ?? 'primary') : null,
      schoolType: kind === 'school' ? (current.schoolType ?? 'regular') : null,
      managingBody: managingBodyTouched ? current.managingBody : defaultManagingBody(kind),
    }));

  const changeName = (name: string) => {
    const named = kindTouched ? null : inferFromName(name);
    setValue((current) => {
      if (!named) return { ...current, name };
      const school = named.kind === 'school';
      return {
        ...current,
        name,
        kind: named.kind,
        schoolLevel: school ? (named.schoolLevel ?? current.schoolLevel ?? 'primary') : null,
        schoolType: school ? (named.schoolType ?? 'regular') : null,
        managingBody: managingBodyTouched ? current.managingBody : defaultManagingBody(named.kind),
      };
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const candidate = { ...value, parentId: parent?.id ?? null };
    const parsed = unitInputSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const result = unit
      ? await update.run({ id: unit.id, rev: unit.rev, unit: candidate })
      : await create.run({ unit: candidate });
    if (result) onSaved({ ...result, created: unit === null });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    const target = event.target as HTMLElement;
    const inTextArea = target.tagName === 'TEXTAREA';
    if (event.ctrlKey || event.metaKey || (!inTextArea && target.tagName === 'SELECT')) {
      event.preventDefault();
      void submit();
    }
  };

  const message = (key: keyof UnitInputRaw, help = ' ') => (errors[key] ? t(errors[key]) : help);
  const text = (
    key: 'code' | 'name' | 'headName' | 'headTitle' | 'address' | 'phone',
    label: string,
    options: { required?: boolean; help?: string; autoFocus?: boolean; max: number },
  ) => (
    <TextField
      label={label}
      required={options.required ?? false}
      autoFocus={options.autoFocus ?? false}
      value={value[key]}
      onChange={(event) => (key === 'name' ? changeName(event.target.value) : set(key, event.target.value))}
      error={errors[key] !== undefined}
      helperText={message(key, options.help ?? ' ')}
      slotProps={{ htmlInput: { maxLength: options.max } }}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <form onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate>
        <DialogTitle id={titleId}>{unit ? t('registry.editTitle') : t('registry.addTitle')}</DialogTitle>
        <DialogContent dividers>
          <ApiErrorAlert error={failure} sx={{ mb: 2 }} />
          <Grid container columnSpacing={2} rowSpacing={1.5}>
            <Grid size={{ xs: 12, sm: 8 }}>
              {text('name', t('registry.fields.name'), { required: true, autoFocus: true, max: 250 })}
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              {text('code', t('registry.fields.code'), { help: t('registry.help.code'), max: 30 })}
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                select
                label={t('registry.fields.kind')}
                required
                value={value.kind}
                onChange={(event) => {
                  setKindTouched(true);
                  changeKind(event.target.value as UnitKind);
                }}
                helperText={message('kind')}
                error={errors.kind !== undefined}
                slotProps={{ select: { native: true } }}
              >
                {UNIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`registry.kinds.${kind}`)}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                select
                label={t('registry.fields.schoolLevel')}
                required={value.kind === 'school'}
                disabled={value.kind !== 'school'}
                value={value.schoolLevel ?? ''}
                onChange={(event) => {
                  setKindTouched(true);
                  set('schoolLevel', (event.target.value || null) as UnitInputRaw['schoolLevel']);
                }}
                helperText={message('schoolLevel')}
                error={errors.schoolLevel !== undefined}
                slotProps={{ select: { native: true } }}
              >
                <option value="" />
                {SCHOOL_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`registry.schoolLevels.${level}`)}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                select
                label={t('registry.fields.schoolType')}
                disabled={value.kind !== 'school'}
                value={value.kind === 'school' ? (value.schoolType ?? 'regular') : ''}
                onChange={(event) => {
                  setKindTouched(true);
                  set('schoolType', event.target.value as UnitInputRaw['schoolType']);
                }}
                helperText={message('schoolType')}
                error={errors.schoolType !== undefined}
                slotProps={{ select: { native: true } }}
              >
                {value.kind !== 'school' && <option value="" />}
                {SCHOOL_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`registry.schoolTypes.${type}`)}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                select
                label={t('registry.fields.managingBody')}
                required
                value={value.managingBody}
                onChange={(event) => {
                  setManagingBodyTouched(true);
                  set('managingBody', event.target.value as UnitInputRaw['managingBody']);
                }}
                helperText={message('managingBody')}
                slotProps={{ select: { native: true } }}
              >
                {MANAGING_BODIES.map((body) => (
                  <option key={body} value={body}>
                    {t(`registry.managingBodies.${body}`)}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>{text('headName', t('registry.fields.headName'), { max: 120 })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              {text('headTitle', t('registry.fields.headTitle'), { help: t('registry.help.headTitle'), max: 120 })}
            </Grid>
            <Grid size={{ xs: 12, sm: 8 }}>{text('address', t('registry.fields.address'), { max: 300 })}</Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              {text('phone', t('registry.fields.phone'), { help: t('registry.help.phone'), max: 80 })}
            </Grid>
            <Grid size={{ xs: 12, sm: 8 }}>
              <ParentPicker value={parent} excludeId={unit?.id ?? null} error={errors.parentId} onChange={setParent} />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }} sx={{ display: 'flex', alignItems: 'flex-start', pt: 1 }}>
              <FormControlLabel
                control={<Switch checked={value.active} onChange={(event) => set('active', event.target.checked)} />}
                label={t('registry.fields.active')}
              />
            </Grid>
            <Grid size={12}>
              <TextField
                label={t('registry.fields.notes')}
                multiline
                minRows={2}
                maxRows={6}
                value={value.notes}
                onChange={(event) => set('notes', event.target.value)}
                error={errors.notes !== undefined}
                helperText={message('notes', t('registry.help.notes'))}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
            </Grid>
          </Grid>
          {unit && (
            <Typography variant="caption" color="text.secondary">
              {t('registry.fields.updatedAt')}: {formatDateTime(unit.updatedAt)}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')} (Esc)
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? t('common.saving') : `${t('common.save')} (Enter)`}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
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
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  emptyOfficialInput,
  officialInputSchema,
  officialToInput,
  type Official,
  type OfficialInputRaw,
} from '../../../../shared/domain/official';
import { ApiCallError } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldErrors } from '../../components/zod-errors';

interface OfficialFormDialogProps {
  official: Official | null;
  /** Prefilled name when created from a picker ("Cán bộ mới…"). */
  initialName?: string;
  onClose(): void;
  onSaved(official: Official, created: boolean): void;
}

/** Add or edit an official. Enter saves, Esc cancels. */
export function OfficialFormDialog({ official, initialName = '', onClose, onSaved }: OfficialFormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [value, setValue] = useState<OfficialInputRaw>(() =>
    official ? officialToInput(official) : { ...emptyOfficialInput(), name: initialName },
  );
  const [localErrors, setErrors] = useState<Record<string, string>>({});
  const create = useApiCommand('officials.create');
  const update = useApiCommand('officials.update');
  const failure = create.error ?? update.error;
  const busy = create.pending || update.pending;
  const errors = { ...localErrors, ...(failure instanceof ApiCallError ? failure.fields : undefined) };
  const set = <K extends keyof OfficialInputRaw>(key: K, next: OfficialInputRaw[K]) =>
    setValue((current) => ({ ...current, [key]: next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = officialInputSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const saved = official
      ? await update.run({ id: official.id, rev: official.rev, official: value })
      : await create.run({ official: value });
    if (saved) onSaved(saved, official === null);
  };
  const text = (key: 'name' | 'position' | 'organization' | 'phone', max: number, autoFocus = false) => (
    <TextField
      label={t(`officials.fields.${key}`)}
      required={key === 'name'}
      autoFocus={autoFocus}
      value={value[key]}
      error={Boolean(errors[key])}
      helperText={errors[key] ? t(errors[key] ?? '') : key === 'position' ? t('officials.help.position') : ' '}
      onChange={(event) => set(key, event.target.value)}
      slotProps={{ htmlInput: { maxLength: max } }}
    />
  );
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId}>{official ? t('officials.editTitle') : t('officials.addTitle')}</DialogTitle>
        <DialogContent dividers>
          <ApiErrorAlert error={failure} sx={{ mb: 2 }} />
          <Grid container columnSpacing={2} rowSpacing={1.5}>
            <Grid size={12}>{text('name', 120, true)}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>{text('position', 150)}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>{text('organization', 200)}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>{text('phone', 80)}</Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormControlLabel
                control={<Switch checked={value.active} onChange={(event) => set('active', event.target.checked)} />}
                label={t('officials.fields.active')}
              />
            </Grid>
            <Grid size={12}>
              <TextField
                label={t('officials.fields.notes')}
                multiline
                minRows={2}
                value={value.notes}
                onChange={(event) => set('notes', event.target.value)}
                slotProps={{ htmlInput: { maxLength: 1000 } }}
              />
            </Grid>
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')} (Esc)
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('common.save')} (Enter)
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

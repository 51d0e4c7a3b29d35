import { useId, useState, type FormEvent } from 'react';
import {
  Box,
  Button,
  CircularProgress,
  FormControlLabel,
  Grid,
  Paper,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  minutesSettingsInputSchema,
  type MinutesSettings,
  type MinutesSettingsInputRaw,
} from '../../../../shared/domain/minutes';
import { ApiCallError } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNotifier } from '../../components/Notifier';
import { fieldErrors } from '../../components/zod-errors';

type Errors = Partial<Record<keyof MinutesSettingsInputRaw, string>>;

function toInput(settings: MinutesSettings): MinutesSettingsInputRaw {
  return {
    parentBody: settings.parentBody,
    issuingBody: settings.issuingBody,
    placeName: settings.placeName,
    numberSymbol: settings.numberSymbol,
    copies: settings.copies,
    recipients: settings.recipients,
    secretarySigns: settings.secretarySigns,
  };
}

/** Settings → the header, number symbol, copies and recipients of the printed minutes. */
export function MinutesSettingsSection() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const titleId = useId();
  // Read again only on request or after a restore: its save answers with what it shows.
  const query = useApiQuery('minutes.settings.get', {}, { topics: [] });
  const settings = query.data;
  // What the clerk typed over the stored settings (null: nothing typed since they were read).
  const [edited, setValue] = useState<MinutesSettingsInputRaw | null>(null);
  const value = edited ?? (settings ? toInput(settings) : null);
  const [localErrors, setErrors] = useState<Errors>({});
  const update = useApiCommand('minutes.settings.update');
  const failure = update.error;
  const busy = update.pending;
  const errors: Errors = { ...localErrors, ...(failure instanceof ApiCallError ? failure.fields : undefined) };

  const set = <K extends keyof MinutesSettingsInputRaw>(key: K, next: MinutesSettingsInputRaw[K]) =>
    setValue((current) => {
      const base = current ?? (settings ? toInput(settings) : null);
      return base ? { ...base, [key]: next } : base;
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!value || busy) return;
    const parsed = minutesSettingsInputSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const saved = await update.run(value);
    if (!saved) return;
    query.setData(() => saved);
    setValue(null);
    notify({ message: t('minutes.settings.saved') });
  };

  const help = (key: keyof MinutesSettingsInputRaw, text: string) => (errors[key] ? t(errors[key]) : text);
  return (
    <Paper component="section" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Typography id={titleId} variant="h6" component="h2" gutterBottom>
        {t('minutes.settings.section')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('minutes.settings.help')}
      </Typography>
      {!value || !settings ? (
        query.error ? (
          <ApiErrorAlert error={query.error} onRetry={query.reload} />
        ) : (
          <CircularProgress size={24} aria-label={t('common.loading')} />
        )
      ) : (
        <Box component="form" onSubmit={(event) => void save(event)} noValidate>
          <Grid container columnSpacing={2} rowSpacing={1}>
            <Grid size={{ xs: 12, sm: 5 }}>
              <TextField
                fullWidth
                required
                label={t('minutes.settings.issuingBody')}
                value={value.issuingBody}
                onChange={(event) => set('issuingBody', event.target.value)}
                error={errors.issuingBody !== undefined}
                helperText={help('issuingBody', t('minutes.settings.issuingBodyHelp'))}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <TextField
                fullWidth
                label={t('minutes.settings.placeName')}
                value={value.placeName}
                placeholder={settings.officePlaceName}
                onChange={(event) => set('placeName', event.target.value)}
                error={errors.placeName !== undefined}
                helperText={help('placeName', t('minutes.settings.placeNameHelp', { value: settings.officePlaceName }))}
                slotProps={{ htmlInput: { maxLength: 100 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                required
                label={t('minutes.settings.numberSymbol')}
                value={value.numberSymbol}
                onChange={(event) => set('numberSymbol', event.target.value.toLocaleUpperCase('vi-VN'))}
                error={errors.numberSymbol !== undefined}
                helperText={help('numberSymbol', t('minutes.settings.numberSymbolHelp'))}
                slotProps={{ htmlInput: { maxLength: 30 } }}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                fullWidth
                required
                type="number"
                label={t('minutes.settings.copies')}
                value={value.copies}
                onChange={(event) => set('copies', Number(event.target.value))}
                error={errors.copies !== undefined}
                helperText={help('copies', t('minutes.settings.copiesHelp'))}
                slotProps={{ htmlInput: { min: 1, max: 20 } }}
              />
            </Grid>
            {/* Only a fallback now: the minutes take this line from the plan. */}
            <Grid size={{ xs: 12, sm: 9 }}>
              <TextField
                fullWidth
                label={t('minutes.settings.parentBody')}
                value={value.parentBody}
                placeholder={settings.officeParentBody}
                onChange={(event) => set('parentBody', event.target.value)}
                error={errors.parentBody !== undefined}
                helperText={help(
                  'parentBody',
                  t('minutes.settings.parentBodyHelp', { value: settings.officeParentBody }),
                )}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </Grid>
            <Grid size={12}>
              <TextField
                fullWidth
                multiline
                minRows={2}
                label={t('minutes.settings.recipients')}
                value={value.recipients}
                onChange={(event) => set('recipients', event.target.value)}
                error={errors.recipients !== undefined}
                helperText={help('recipients', t('minutes.settings.recipientsHelp'))}
                slotProps={{ htmlInput: { maxLength: 2000 } }}
              />
            </Grid>
            <Grid size={12}>
              <FormControlLabel
                control={
                  <Switch
                    checked={value.secretarySigns}
                    onChange={(event) => set('secretarySigns', event.target.checked)}
                  />
                }
                label={t('minutes.settings.secretarySigns')}
              />
            </Grid>
          </Grid>
          <ApiErrorAlert error={failure} sx={{ mt: 2 }} />
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 2 }}>
            {t('minutes.settings.save')}
          </Button>
        </Box>
      )}
    </Paper>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Alert,
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
import { useApi } from '../../api/ApiContext';
import { ApiCallError, errorMessage } from '../../api/errors';
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
  const api = useApi();
  const { notify } = useNotifier();
  const titleId = useId();
  const [settings, setSettings] = useState<MinutesSettings | null>(null);
  const [value, setValue] = useState<MinutesSettingsInputRaw | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    api
      .call('minutes.settings.get', {})
      .then((loaded) => {
        if (!current) return;
        setSettings(loaded);
        setValue(toInput(loaded));
      })
      .catch((error: unknown) => {
        if (current) setFailure(errorMessage(error, t('common.unexpected')));
      });
    return () => {
      current = false;
    };
  }, [api, t]);

  const set = <K extends keyof MinutesSettingsInputRaw>(key: K, next: MinutesSettingsInputRaw[K]) =>
    setValue((current) => (current ? { ...current, [key]: next } : current));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!value || busy) return;
    const parsed = minutesSettingsInputSchema.safeParse(value);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await api.call('minutes.settings.update', value);
      setSettings(saved);
      setValue(toInput(saved));
      setFailure(null);
      notify({ message: t('minutes.settings.saved') });
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      setFailure(errorMessage(error, t('common.unexpected')));
    } finally {
      setBusy(false);
    }
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
        failure ? (
          <Alert severity="error">{failure}</Alert>
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
          {failure && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {failure}
            </Alert>
          )}
          <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 2 }}>
            {t('minutes.settings.save')}
          </Button>
        </Box>
      )}
    </Paper>
  );
}

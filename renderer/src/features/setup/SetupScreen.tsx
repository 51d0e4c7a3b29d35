import { useState, type FormEvent } from 'react';
import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { officeInputSchema, type OfficeInputRaw, type Settings } from '../../../../shared/domain/settings';
import { useApiCommand } from '../../api/useApiCommand';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { fieldErrors } from '../../components/zod-errors';
import { OfficeFields } from './OfficeFields';
import { LanguageSwitch } from '../settings/LanguageSwitch';

/** First start: who is this office? Nothing else opens until it is answered. */
export function SetupScreen({ onDone }: { onDone(settings: Settings): void }) {
  const { t } = useTranslation();
  const [office, setOffice] = useState<OfficeInputRaw>({ name: '', parentBody: '', placeName: '' });
  const [operatorName, setOperatorName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<keyof OfficeInputRaw, string>>>({});
  const setup = useApiCommand('settings.setupOffice');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = officeInputSchema.safeParse(office);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const settings = await setup.run({ office, operatorName });
    if (settings) onDone(settings);
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper
        component="form"
        onSubmit={submit}
        noValidate
        sx={{ p: 4, width: '100%', maxWidth: 620 }}
        aria-labelledby="setup-title"
      >
        <Stack spacing={2.5}>
          <Stack direction="row" justifyContent="space-between" alignItems="flex-start" spacing={2}>
            <Typography id="setup-title" variant="h5" component="h1">
              {t('setup.title')}
            </Typography>
            <LanguageSwitch />
          </Stack>
          <Typography color="text.secondary">{t('setup.intro')}</Typography>
          <ApiErrorAlert error={setup.error} />
          <OfficeFields value={office} errors={errors} onChange={setOffice} autoFocus />
          <TextField
            label={t('settings.operatorName')}
            helperText={t('settings.operatorHelp')}
            value={operatorName}
            onChange={(event) => setOperatorName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
          <Box>
            <Button type="submit" variant="contained" size="large" disabled={setup.pending}>
              {t('setup.start')}
            </Button>
          </Box>
        </Stack>
      </Paper>
    </Box>
  );
}

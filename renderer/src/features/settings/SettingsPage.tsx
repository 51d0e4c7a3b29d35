import { useState, type FormEvent } from 'react';
import { Box, Button, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { officeInputSchema, type OfficeInputRaw } from '../../../../shared/domain/settings';
import { useApiCommand } from '../../api/useApiCommand';
import { useSettings } from '../../app/SettingsContext';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotifier } from '../../components/Notifier';
import { fieldErrors } from '../../components/zod-errors';
import { OfficeFields } from '../setup/OfficeFields';
import { LanguageSwitch } from './LanguageSwitch';
import { SampleDataPanel } from './SampleDataPanel';
import { MinutesSettingsSection } from '../minutes/MinutesSettingsSection';
import { BackupSection } from '../backup/BackupSection';

function Section({ title, help, children }: { title: string; help?: string; children: React.ReactNode }) {
  const id = `section-${title.replace(/\s+/g, '-')}`;
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 3 }}>
      <Typography id={id} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {help}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

/** Office identity, operator, language, where the data lives, sample data. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const { settings, setSettings } = useSettings();
  const [office, setOffice] = useState<OfficeInputRaw>({
    name: settings.office?.name ?? '',
    parentBody: settings.office?.parentBody ?? '',
    placeName: settings.office?.placeName ?? '',
  });
  const [operatorName, setOperatorName] = useState(settings.operatorName);
  const [errors, setErrors] = useState<Partial<Record<keyof OfficeInputRaw, string>>>({});
  const update = useApiCommand('settings.update');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = officeInputSchema.safeParse(office);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    const saved = await update.run({ office, operatorName });
    if (!saved) return;
    setSettings(saved);
    notify({ message: t('settings.saved') });
  };

  return (
    <Box sx={{ overflow: 'auto', pb: 4 }}>
      <PageHeader title={t('settings.title')} />
      <Stack spacing={3} sx={{ px: 3, maxWidth: 860 }}>
        <Box component="form" onSubmit={save} noValidate>
          <Stack spacing={3}>
            <Section title={t('settings.officeSection')} help={t('settings.officeHelp')}>
              <OfficeFields value={office} errors={errors} onChange={setOffice} />
            </Section>
            <Section title={t('settings.operatorSection')}>
              <TextField
                label={t('settings.operatorName')}
                helperText={t('settings.operatorHelp')}
                value={operatorName}
                onChange={(event) => setOperatorName(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 120 } }}
              />
            </Section>
            <ApiErrorAlert error={update.error} />
            <Box>
              <Button type="submit" variant="contained" disabled={update.pending}>
                {t('settings.saveOffice')}
              </Button>
            </Box>
          </Stack>
        </Box>
        <MinutesSettingsSection />
        <Section title={t('settings.interfaceSection')}>
          <LanguageSwitch />
        </Section>
        <BackupSection />
        <Section title={t('settings.dataSection')}>
          <Stack spacing={1.5} divider={<Divider flexItem />}>
            <Info label={t('settings.dataFile')} value={settings.dataFile} />
            <Info label={t('settings.version')} value={settings.appVersion} />
            <Info label={t('settings.mode')} value={t(`settings.modes.${settings.mode}`)} />
          </Stack>
        </Section>
        <Section title={t('settings.sampleSection')} help={t('settings.sampleHelp')}>
          <SampleDataPanel />
        </Section>
      </Stack>
    </Box>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <Typography variant="body2" color="text.secondary" sx={{ width: 200, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} aria-label={label}>
        {value}
      </Typography>
    </Stack>
  );
}

import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/settings';
import { errorMessage } from '../../api/errors';
import { useApiCommand } from '../../api/useApiCommand';
import { useNotifier } from '../../components/Notifier';
import { applyLanguage } from '../../i18n/i18n';
import { SettingsContext } from '../../app/SettingsContext';
import { useContext } from 'react';

/** Vietnamese or English; remembered in the office's database (and cached for the first paint). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const settingsContext = useContext(SettingsContext);
  const { notify } = useNotifier();
  // On failure the new language holds until the app is reopened (the office database keeps the old one).
  const update = useApiCommand('settings.update', {
    onError: (error) => notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' }),
  });
  const change = async (language: Language) => {
    await applyLanguage(language);
    const saved = await update.run({ language });
    if (saved) settingsContext?.setSettings(saved);
  };
  return (
    <TextField
      select
      label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(event) => void change(event.target.value as Language)}
      sx={{ width: 160 }}
      fullWidth={false}
    >
      {LANGUAGES.map((language) => (
        <MenuItem key={language} value={language} lang={language}>
          {t(`common.languages.${language}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}

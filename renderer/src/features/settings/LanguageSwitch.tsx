import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/settings';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useNotifier } from '../../components/Notifier';
import { applyLanguage } from '../../i18n/i18n';
import { SettingsContext } from '../../app/SettingsContext';
import { useContext } from 'react';

/** Vietnamese or English; remembered in the office's database (and cached for the first paint). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const settingsContext = useContext(SettingsContext);
  const { notify } = useNotifier();
  const change = async (language: Language) => {
    await applyLanguage(language);
    try {
      settingsContext?.setSettings(await api.call('settings.update', { language }));
    } catch (error) {
      // The new language holds until the app is reopened (the office database keeps the old one).
      notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
    }
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

import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Box, CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { useApi } from '../api/ApiContext';
import { errorMessage } from '../api/errors';
import { applyLanguage } from '../i18n/i18n';
import { NotifierProvider } from '../components/Notifier';
import { FolderBrowserProvider } from '../components/folders/FolderBrowserProvider';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SettingsContext } from './SettingsContext';
import { Shell } from './Shell';
import { navigate } from './routes';
import { makeTheme } from './theme';

/** Loads the office's settings; shows first-run setup until the office is known. */
export function App() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [settings, setSettingsState] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const setSettings = useCallback((next: Settings) => {
    setSettingsState(next);
    void applyLanguage(next.language);
  }, []);

  useEffect(() => {
    api
      .call('settings.get', {})
      .then(setSettings)
      .catch((error: unknown) => setFailure(errorMessage(error, t('common.offline'))));
  }, [api, setSettings, t]);

  const language = i18n.language === 'en' ? 'en' : 'vi';
  const theme = useMemo(() => makeTheme(language), [language]);
  const contextValue = useMemo(() => (settings ? { settings, setSettings } : null), [settings, setSettings]);

  let content;
  if (failure) {
    content = (
      <Box sx={{ p: 4 }}>
        <Alert severity="error">{failure}</Alert>
      </Box>
    );
  } else if (!settings || !contextValue) {
    content = (
      <Box
        sx={{ height: '100vh', display: 'grid', placeItems: 'center' }}
        role="status"
        aria-label={t('common.loading')}
      >
        <CircularProgress />
      </Box>
    );
  } else if (settings.office === null) {
    content = (
      <SetupScreen
        onDone={(next) => {
          // A new office starts by building its unit registry (by hand, from Excel or the sample).
          navigate('registry');
          setSettings(next);
        }}
      />
    );
  } else {
    content = (
      <SettingsContext.Provider value={contextValue}>
        {/* Browser mode has no system folder dialog: the app's own chooser stands in. */}
        <FolderBrowserProvider inApp={settings.mode !== 'electron'}>
          <Shell />
        </FolderBrowserProvider>
      </SettingsContext.Provider>
    );
  }
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifierProvider>{content}</NotifierProvider>
    </ThemeProvider>
  );
}

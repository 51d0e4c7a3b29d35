import { useCallback, useEffect, useMemo } from 'react';
import { Alert, Box, Button, CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { errorMessage } from '../api/errors';
import { useApiQuery } from '../api/useApiQuery';
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
  const query = useApiQuery('settings.get', {});
  const settings = query.data ?? null;
  const { setData } = query;
  const setSettings = useCallback(
    (next: Settings) => {
      setData(() => next);
      void applyLanguage(next.language);
    },
    [setData],
  );
  // The stored language wins over the cached one the first paint used.
  const storedLanguage = settings?.language;
  useEffect(() => {
    if (storedLanguage) void applyLanguage(storedLanguage);
  }, [storedLanguage]);

  const language = i18n.language === 'en' ? 'en' : 'vi';
  const theme = useMemo(() => makeTheme(language), [language]);
  const contextValue = useMemo(() => (settings ? { settings, setSettings } : null), [settings, setSettings]);

  let content;
  if (!settings && query.error) {
    // Before the settings there is no page: the core itself is unreachable or failing.
    content = (
      <Box sx={{ p: 4 }}>
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={query.reload}>
              {t('common.retry')}
            </Button>
          }
        >
          {errorMessage(query.error, t('common.offline'))}
        </Alert>
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

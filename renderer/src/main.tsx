import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-500.css';
import '@fontsource/roboto/latin-700.css';
import '@fontsource/roboto/vietnamese-400.css';
import '@fontsource/roboto/vietnamese-500.css';
import '@fontsource/roboto/vietnamese-700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert, Box } from '@mui/material';
import { ApiContext } from './api/ApiContext';
import { createApiClient } from './api/client';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import { detectPlatform } from './platform/platform';

const i18n = await initI18n();
const platform = detectPlatform(i18n.t('common.offline'));
const root = createRoot(document.getElementById('root') as HTMLElement);

if (!platform) {
  // Browser mode opened without the printed address: no token, so no API.
  root.render(
    <Box sx={{ p: 4, fontFamily: 'Roboto, sans-serif' }}>
      <Alert severity="warning">{i18n.t('errors.UNAUTHORIZED')}</Alert>
    </Box>,
  );
} else {
  const client = createApiClient(platform.bridge);
  root.render(
    <StrictMode>
      <ApiContext.Provider value={client}>
        <App />
      </ApiContext.Provider>
    </StrictMode>,
  );
}

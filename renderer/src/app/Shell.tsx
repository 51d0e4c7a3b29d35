import {
  AppBar,
  Box,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE, PAGES } from './pages';
import { navigate, useRoute } from './routes';
import { useSettings } from './SettingsContext';
import { DamagedDataBanner } from './DamagedDataBanner';

const DRAWER_WIDTH = 220;

/** The window: title bar with the office, navigation on the left, the current page. */
export function Shell() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const route = useRoute();
  const page = PAGES.find((candidate) => candidate.id === route.page) ?? PAGES.find((p) => p.id === DEFAULT_PAGE);

  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" noWrap sx={{ fontWeight: 700 }}>
            {t('common.appName')}
          </Typography>
          <Typography variant="body2" noWrap sx={{ opacity: 0.85, flexGrow: 1 }}>
            {settings.office?.name}
          </Typography>
          {settings.operatorName && (
            <Typography variant="body2" noWrap sx={{ opacity: 0.85 }}>
              {settings.operatorName}
            </Typography>
          )}
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <Box component="nav" aria-label={t('common.nav.label')}>
          <List>
            {PAGES.map((item) => (
              <ListItemButton
                key={item.id}
                component="a"
                href={`#/${item.id}`}
                selected={page?.id === item.id}
                aria-current={page?.id === item.id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(item.id);
                }}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={t(item.label)} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box
        component="main"
        sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0, height: '100vh' }}
      >
        <Toolbar variant="dense" />
        <DamagedDataBanner />
        <Box sx={{ flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          {page?.render(route.params)}
        </Box>
      </Box>
    </Box>
  );
}

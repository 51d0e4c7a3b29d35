import type { ReactElement } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import SettingsIcon from '@mui/icons-material/Settings';
import { PLANNING_PAGES } from '../features/plans/planning-pages';
import { RegistryPage } from '../features/registry/RegistryPage';
import { SettingsPage } from '../features/settings/SettingsPage';

export interface PageDefinition {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  icon: ReactElement;
  render(params: string[]): ReactElement;
}

/** The navigation, in order. A feature adds its page here. */
export const PAGES: readonly PageDefinition[] = [
  ...PLANNING_PAGES,
  { id: 'registry', label: 'common.nav.registry', icon: <ApartmentIcon />, render: () => <RegistryPage /> },
  { id: 'settings', label: 'common.nav.settings', icon: <SettingsIcon />, render: () => <SettingsPage /> },
];

/** Where the app opens: the overview of every plan's progress. */
export const DEFAULT_PAGE = 'dashboard';

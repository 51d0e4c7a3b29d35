import type { ReactElement } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import BadgeIcon from '@mui/icons-material/Badge';
import ChecklistIcon from '@mui/icons-material/Checklist';
import DashboardIcon from '@mui/icons-material/Dashboard';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import AssessmentIcon from '@mui/icons-material/Assessment';
import InsightsIcon from '@mui/icons-material/Insights';
import SettingsIcon from '@mui/icons-material/Settings';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { ChecklistsPage } from '../features/checklists/ChecklistsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InspectionsRoute } from '../features/inspections/InspectionsPage';
import { OfficialsPage } from '../features/officials/OfficialsPage';
import { PlansRoute } from '../features/plans/PlansPage';
import { RegistryPage } from '../features/registry/RegistryPage';
import { ReportsRoute } from '../features/reports/ReportsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TransferRoute } from '../features/transfer/TransferPage';

export interface PageDefinition {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  icon: ReactElement;
  render(params: string[]): ReactElement;
}

/** The navigation, in the order a clerk uses it. A feature adds its page here. */
export const PAGES: readonly PageDefinition[] = [
  { id: 'dashboard', label: 'progress.title', icon: <DashboardIcon />, render: () => <DashboardPage /> },
  { id: 'plans', label: 'plans.title', icon: <EventNoteIcon />, render: (params) => <PlansRoute params={params} /> },
  {
    id: 'inspections',
    label: 'inspections.title',
    icon: <FactCheckIcon />,
    render: (params) => <InspectionsRoute params={params} />,
  },
  {
    id: 'reports',
    label: 'reports.title',
    icon: <AssessmentIcon />,
    render: (params) => <ReportsRoute params={params} />,
  },
  { id: 'statistics', label: 'statistics.title', icon: <InsightsIcon />, render: () => <StatisticsPage /> },
  { id: 'checklists', label: 'checklists.title', icon: <ChecklistIcon />, render: () => <ChecklistsPage /> },
  { id: 'officials', label: 'officials.title', icon: <BadgeIcon />, render: () => <OfficialsPage /> },
  { id: 'registry', label: 'common.nav.registry', icon: <ApartmentIcon />, render: () => <RegistryPage /> },
  {
    id: 'transfer',
    label: 'transfer.title',
    icon: <SyncAltIcon />,
    render: (params) => <TransferRoute params={params} />,
  },
  { id: 'settings', label: 'common.nav.settings', icon: <SettingsIcon />, render: () => <SettingsPage /> },
];

/** Where the app opens: the overview of every plan's progress. */
export const DEFAULT_PAGE = 'dashboard';

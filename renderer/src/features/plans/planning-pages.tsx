import DashboardIcon from '@mui/icons-material/Dashboard';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import ChecklistIcon from '@mui/icons-material/Checklist';
import BadgeIcon from '@mui/icons-material/Badge';
import type { PageDefinition } from '../../app/pages';
import { DashboardPage } from '../dashboard/DashboardPage';
import { InspectionsRoute } from '../inspections/InspectionsPage';
import { ChecklistsPage } from '../checklists/ChecklistsPage';
import { OfficialsPage } from '../officials/OfficialsPage';
import { PlansRoute } from './PlansPage';

/**
 * Navigation entries of planning and recording, in the order a clerk uses them, placed before
 * the unit registry and settings (one spread line in app/pages.tsx).
 */
export const PLANNING_PAGES: readonly PageDefinition[] = [
  { id: 'dashboard', label: 'progress.title', icon: <DashboardIcon />, render: () => <DashboardPage /> },
  { id: 'plans', label: 'plans.title', icon: <EventNoteIcon />, render: (params) => <PlansRoute params={params} /> },
  {
    id: 'inspections',
    label: 'inspections.title',
    icon: <FactCheckIcon />,
    render: (params) => <InspectionsRoute params={params} />,
  },
  { id: 'checklists', label: 'checklists.title', icon: <ChecklistIcon />, render: () => <ChecklistsPage /> },
  { id: 'officials', label: 'officials.title', icon: <BadgeIcon />, render: () => <OfficialsPage /> },
];

import type { CatalogShape } from '../catalog';
import type { officials as vi } from '../vi/officials';

export const officials: CatalogShape<typeof vi> = {
  title: 'Officials',
  listLabel: 'Officials',
  add: 'Add official',
  addTitle: 'Add official',
  editTitle: 'Edit official',
  empty: 'No officials yet. Add people to choose them for inspection teams (names are typed only once).',
  searchLabel: 'Find an official',
  showInactive: 'Show people who have left',
  created: '"{{name}}" added.',
  updated: '"{{name}}" saved.',
  inactiveBadge: 'Left',
  fields: {
    name: 'Full name',
    position: 'Position',
    organization: 'Organisation',
    phone: 'Phone',
    active: 'Still serving',
    notes: 'Notes',
  },
  help: {
    position: 'e.g. Deputy Head of the Home Affairs Office',
  },
};

import type { CatalogShape } from '../catalog';
import type { common as vi } from '../vi/common';

export const common: CatalogShape<typeof vi> = {
  appName: 'KLKCHC Inspections',
  appFullName: 'Administrative discipline inspections',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  close: 'Close',
  add: 'Add',
  edit: 'Edit',
  delete: 'Delete',
  undo: 'Undo',
  retry: 'Retry',
  confirm: 'Confirm',
  yes: 'Yes',
  no: 'No',
  search: 'Search',
  clear: 'Clear',
  all: 'All',
  loading: 'Loading…',
  none: '(none)',
  required: 'required',
  saved: 'Saved.',
  language: 'Language',
  languages: { vi: 'Tiếng Việt', en: 'English' },
  nav: {
    label: 'Main functions',
    registry: 'Unit registry',
    settings: 'Settings',
  },
  sampleBadge: 'Sample data',
  rowCount: '{{count}} rows',
  rowCount_one: '1 row',
  unexpected:
    'An unexpected error occurred. No data was changed. Please try again; if it happens again, contact technical support.',
  offline: 'Cannot reach the application back end. Check the terminal window running the app, then reload the page.',
};

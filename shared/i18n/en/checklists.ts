import type { CatalogShape } from '../catalog';
import type { checklists as vi } from '../vi/checklists';

export const checklists: CatalogShape<typeof vi> = {
  title: 'Checklists',
  listLabel: 'Checklists',
  add: 'New checklist',
  addTitle: 'New checklist',
  copyFrom: 'Copy from',
  blank: '(blank)',
  created: 'Checklist "{{name}}" created.',
  saved: 'Checklist saved.',
  savedNewVersion:
    'Saved as version {{version}}: the previous version was used by finalised minutes, so it stays as it was.',
  nothingChanged: 'Nothing changed.',
  defaultBadge: 'Default',
  inactiveBadge: 'Retired',
  targets: { agency: 'Agencies and units', school: 'Schools', any: 'Any kind of unit' },
  fields: {
    name: 'Checklist name',
    target: 'Meant for',
    description: 'Description',
    active: 'In use',
    group: 'Group {{number}}',
    groupTitle: 'Group title',
    criterion: 'Criterion {{number}}',
    note: 'Note about the change (kept with a new version)',
  },
  version: 'Version {{version}}',
  versionInfo: 'Version {{version}} · {{criteria}} criteria · used in {{inspections}} inspections',
  versions: 'Versions',
  lockedHelp:
    'This version was used by finalised minutes: saving changes makes a new version; old minutes keep the criteria they used.',
  oldVersion: 'Viewing an old version (read only).',
  viewLatest: 'View the newest version',
  addGroup: 'Add group',
  addCriterion: 'Add criterion',
  retireGroup: 'Remove group "{{title}}"',
  retireCriterion: 'Remove criterion {{number}}',
  moveUp: 'Move up',
  moveDown: 'Move down',
  save: 'Save checklist (Ctrl+S)',
  discard: 'Discard changes',
  unsaved: 'Unsaved changes.',
  criteriaCount: '{{count}} criteria',
  validation: {
    noGroups: 'A checklist needs at least one group.',
  },
};

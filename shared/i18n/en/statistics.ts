import type { CatalogShape } from '../catalog';
import type { statistics as vi } from '../vi/statistics';

export const statistics: CatalogShape<typeof vi> = {
  title: 'Statistics',
  exportWorkbook: 'Export the statistics to Excel',
  exporting: 'Exporting…',
  saved: 'Saved {{file}}.',
  noPlans: 'No inspection plan to count yet.',
  progressTitle: 'Progress against the target',
  progressHelp: "Units inspected so far, month by month, as a share of each plan's target.",
  planFigure: '{{title}}: {{inspected}}/{{scope}}, {{percent}}% of the target',
  target: 'Target',
  month: '{{month2}}/{{year}}',
  decimalSeparator: '.',
  kindsTitle: 'Units by kind',
  scope: 'In scope',
  inspected: 'Inspected',
  criteriaTitle: 'Results per criterion – {{checklist}}',
  criteriaHelp: 'The share of units not meeting each criterion (of those met or not met), highest first.',
  criteriaFigure: 'Share of units not meeting each criterion',
  failShare: 'Not met',
  noResults: 'No inspection results in the period.',
  compareTitle: 'Two plans compared (year on year)',
  compareHelp:
    'Choose two plans of the same checklist: the share not meeting each criterion then and now, and for units inspected in both, what was remedied, what still fails and what newly fails.',
  earlier: 'Earlier plan',
  later: 'Later plan',
  compareFigure: 'Share not met, then and now',
  compareNotComparable:
    'These two plans use different checklists, so they cannot be compared. Choose two plans of one checklist (for example the schools plans of two school years).',
  compareNoFindings: 'Neither plan found a criterion not met.',
  unitsInBoth: 'Units inspected in both years: {{count}}',
  unitsInBothLabel: 'Units inspected in both years',
  improved: 'Remedied',
  stillFailing: 'Still not met',
  newlyFailing: 'Newly not met',
};

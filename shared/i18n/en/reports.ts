import type { CatalogShape } from '../catalog';
import type { reports as vi } from '../vi/reports';

export const reports: CatalogShape<typeof vi> = {
  errors: {
    locked: 'The report is finalised and cannot be edited directly. Use "Amend" and give a reason.',
    notFinalised: 'The report is still a draft: edit it directly, no amendment is needed.',
    noPlans: 'None of the chosen plans was found (they may have been removed). Choose the plans again.',
    notComparable: 'The two plans do not use the same checklist, so they cannot be compared.',
    unknownCount: 'This figure is not part of the report (it may have just been drafted again). Reload the report.',
  },
  validation: {
    plans: 'Choose at least one plan.',
    period: 'The end date must not be before the start date.',
  },
};

import type { CatalogShape } from '../catalog';
import type { validation as vi } from '../vi/validation';

export const validation: CatalogShape<typeof vi> = {
  required: 'Required.',
  text: 'Must be text.',
  tooLong: 'Too long.',
  invalid: 'Invalid value.',
  invalidId: 'Invalid identifier.',
  date: 'Invalid date (type it as dd/mm/yyyy).',
  number: 'Must be a number.',
  choose: 'Choose a value.',
};

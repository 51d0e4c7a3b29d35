import type { CatalogShape } from '../catalog';
import type { setup as vi } from '../vi/setup';

export const setup: CatalogShape<typeof vi> = {
  title: 'Welcome to KLKCHC Inspections',
  intro: 'Before you start, tell us which office uses the app. You can change this later in Settings.',
  start: 'Start',
  example: 'Example',
};

import type { CatalogShape } from '../catalog';
import type { settings as vi } from '../vi/settings';

export const settings: CatalogShape<typeof vi> = {
  title: 'Settings',
  officeSection: 'Office',
  officeHelp: 'Used in the headers of minutes and reports, and recorded on every record the office changes.',
  officeName: 'Office name',
  officeNameHelp: 'For example: Phòng Giáo dục và Đào tạo huyện Lộc Bình',
  parentBody: 'Parent body',
  parentBodyHelp: 'For example: UBND huyện Lộc Bình (printed in capitals, top left of documents)',
  placeName: 'Place name on documents',
  placeNameHelp: 'For example: Lộc Bình (in the line "Lộc Bình, ngày … tháng … năm …")',
  operatorSection: 'User',
  operatorName: 'Name of the person entering data',
  operatorHelp: 'Recorded in the change history of each record.',
  interfaceSection: 'Interface',
  dataSection: 'Data',
  dataFile: 'Data file',
  dataDir: 'Data folder',
  version: 'App version',
  mode: 'Running as',
  modes: { electron: 'Desktop app', browser: 'Browser (local server)', test: 'Test' },
  sampleSection: 'Sample data',
  sampleHelp:
    'A sample district (departments, communes, towns and about 80 schools) to get to know the app. Every sample record is marked "Sample data" and can be removed at any time.',
  loadSample: 'Load sample data',
  removeSample: 'Remove sample data',
  sampleLoaded: 'Loaded {{count}} sample units.',
  sampleRemoved: 'Removed {{count}} sample units.',
  sampleKept: '{{count}} sample units were edited and were kept.',
  saveOffice: 'Save office and user details',
  saved: 'Settings saved.',
};

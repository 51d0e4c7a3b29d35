import type { CatalogShape } from '../catalog';
import type { shell as vi } from '../vi/shell';

export const shell: CatalogShape<typeof vi> = {
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullscreen: 'Full screen',
    devTools: 'Developer tools',
    help: 'Help',
    about: 'About',
  },
  aboutTitle: 'About KLKCHC Inspections',
  version: 'Version',
  dataFile: 'Data file: {{file}}',
  rendererGone: 'The app window crashed and was reopened. Saved data is intact; drafts were saved as you typed.',
  browserMode: {
    dataFile: 'Data: {{file}}',
    openAddress: 'Open this address in Chrome, Edge or Chromium:',
    stop: 'Press Ctrl+C to stop.',
    backingUp: 'Backing up the changes before stopping (press Ctrl+C again to stop at once)…',
    notBuilt: 'No built interface in {{dir}}. Run "npm run build" and try again.',
  },
  startFailed: 'The app could not start',
};

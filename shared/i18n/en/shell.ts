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
    notBuilt: 'No built interface in {{dir}}. Run "npm run build" and try again.',
    portInUse:
      'Port {{port}} is in use by another program (perhaps another session of the app). Choose another port with --port, or leave --port out to let the app pick a free one.',
    portDenied:
      'Port {{port}} may not be used on this computer. Choose a port from 1024 to 65535 with --port, or leave --port out to let the app pick a free one.',
  },
  damaged: {
    title: 'The data file is damaged: you can view data but no change is saved',
    body: 'The file {{file}} is damaged. So as not to damage it further, the app writes nothing more to it; you can still view the data. Restore the file from the latest backup; if there is no backup, do not delete the file and ask for technical support.',
  },
  startUnexpected:
    'The app could not start because of an unexpected error (technical details below). Contact technical support.',
  startFailed: 'The app could not start',
};

import type { CatalogShape } from '../catalog';
import type { documents as vi } from '../vi/documents';

export const documents: CatalogShape<typeof vi> = {
  errors: {
    noBrowser:
      'No Chromium, Google Chrome or Microsoft Edge was found to make the PDF. On Debian/Ubuntu install it with "sudo apt-get install -y chromium"; on Windows install Microsoft Edge or Google Chrome; or set the CHROMIUM_PATH environment variable to the browser\'s executable.',
    browserFailed: 'Could not start the browser {{path}} to make the PDF: {{reason}}',
    renderFailed: 'Could not make the PDF of the document: {{reason}}. No data was changed; please try again.',
    fontMissing:
      'The font file {{file}} is missing, so the document cannot be printed in the official layout. Reinstall the app.',
  },
};

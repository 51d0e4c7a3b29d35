import { BrowserWindow, session, type Session } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printWindowPreferences } from './security-policy';

/**
 * A hidden window showing one self-contained document (minutes, reports) to print it or turn it
 * into PDF: sandboxed, no script, in its own in-memory session that may load only the document's
 * own temporary file (its fonts are inlined as data: URLs) — nothing from the network, nothing
 * else from the disk.
 */

const PARTITION = 'klkchc-documents';
const allowed = new Set<string>();
let documents: Session | null = null;

function documentSession(): Session {
  if (documents) return documents;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_, __, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(allowed.has(details.url) || details.url.startsWith('data:')) });
  });
  documents = ses;
  return ses;
}

/**
 * `tempDir` is the data folder's temporary folder (swept at start-up), so a crash mid-render
 * never leaves a document with officials' names and findings in the system's temp folder.
 */
export async function withDocumentWindow<T>(
  html: string,
  tempDir: string,
  use: (window: BrowserWindow) => Promise<T>,
): Promise<T> {
  fs.mkdirSync(tempDir, { recursive: true });
  const file = path.join(tempDir, `document-${randomBytes(8).toString('hex')}.html`);
  fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
  const url = pathToFileURL(file).toString();
  allowed.add(url);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      ...printWindowPreferences(),
      session: documentSession(),
      // Repeated literally for the static scanner (Electronegativity).
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    await window.loadURL(url);
    return await use(window);
  } finally {
    // Quitting closes every window, this one too, possibly mid-render: destroying it again would
    // throw and leave the document (names, findings) behind in the temp folder.
    if (!window.isDestroyed()) window.destroy();
    allowed.delete(url);
    fs.rmSync(file, { force: true });
  }
}

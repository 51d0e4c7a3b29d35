import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPath } from '../../../electron/core/server/static-files';
import { traversalAttempts } from './traversal-attempts';

/**
 * The path rules behind the browser-mode server and Electron's app:// protocol, checked with
 * both path modules: the app runs on Windows, where a backslash separates folders and a drive
 * letter or UNC prefix makes a path absolute, and these tests run on Linux.
 */
describe.each([
  { name: 'Windows', paths: path.win32, root: 'C:\\Users\\Thu\\AppData\\Local\\KLKCHC\\resources\\app' },
  { name: 'POSIX', paths: path.posix, root: '/opt/klkchc/resources/app' },
])('staticPath on $name', ({ paths, root }) => {
  const outside = [
    paths.join(root, '..', 'secret.txt'),
    paths.join(root, '..', 'app-private', 'secret.txt'),
    paths.join(root, '..', '..', 'data', 'klkchc.sqlite3'),
  ];
  // The attempts are built for POSIX separators; the URL path uses "/" on every platform.
  const attempts = traversalAttempts({
    secrets: outside.map((file) => `/${paths.relative(paths.parse(root).root, file).split(paths.sep).join('/')}`),
    staticDir: `/${paths.relative(paths.parse(root).root, root).split(paths.sep).join('/')}`,
  });

  it('maps the app’s own files inside its folder', () => {
    expect(staticPath(root, '/assets/app-3f2a.js', paths)).toBe(paths.join(root, 'assets', 'app-3f2a.js'));
    expect(staticPath(root, '/', paths)).toBe(root);
    expect(staticPath(root, '/fonts/Tinos%20Regular.woff2', paths)).toBe(
      paths.join(root, 'fonts', 'Tinos Regular.woff2'),
    );
  });

  it('names nothing outside the folder for any attempt, as the server or the protocol passes it', () => {
    expect(attempts.length).toBeGreaterThan(40);
    for (const attempt of attempts) {
      // The server and the protocol both hand over a URL's pathname; the raw text is checked too.
      for (const given of [new URL(attempt, 'http://127.0.0.1').pathname, attempt]) {
        const result = staticPath(root, given, paths);
        if (result === null) continue;
        const relative = paths.relative(root, result);
        expect.soft(relative === '..' || relative.startsWith(`..${paths.sep}`), given).toBe(false);
        expect.soft(paths.isAbsolute(relative), given).toBe(false);
      }
    }
  });

  it('refuses drive letters, UNC and device prefixes, stream names and NUL outright', () => {
    for (const given of [
      '/C:/Windows/win.ini',
      '/C:%5cWindows%5cwin.ini',
      '/%5c%5cserver%5cshare%5cfile.txt',
      '/%5c%5c%3f%5cC:%5cfile.txt',
      '/%5c%5c.%5cPhysicalDrive0',
      '/index.html::$DATA',
      '/index.html%00.js',
      '/assets%5capp.js',
    ]) {
      expect(staticPath(root, given, paths), given).toBeNull();
    }
  });
});

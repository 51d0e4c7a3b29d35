import path from 'node:path';

/** The ways of writing ".." and "/" that servers have been fooled by, one function each. */
const ENCODINGS: Record<string, (relative: string[]) => string> = {
  plain: (parts) => `/${parts.join('/')}`,
  'dots %2e': (parts) => `/${parts.map((part) => part.replace(/^\.\.$/, '%2e%2e')).join('/')}`,
  'dots %2E mixed': (parts) => `/${parts.map((part) => part.replace(/^\.\.$/, '.%2E')).join('/')}`,
  'slash %2f': (parts) => `/${parts.join('%2f')}`,
  'slash %2F after a folder': (parts) => `/assets/..%2F${parts.join('%2F')}`,
  'all encoded': (parts) => `/${parts.map((part) => part.replace(/\./g, '%2e')).join('%2f')}`,
  'backslash %5c': (parts) => `/${parts.join('%5c')}`,
  'backslash %5C after a folder': (parts) => `/assets/..%5C${parts.join('%5C')}`,
  'raw backslash': (parts) => `/${parts.join('\\')}`,
  'double encoded': (parts) => `/${parts.map((part) => part.replace(/\./g, '%252e')).join('%252f')}`,
  'double encoded slash': (parts) => `/${parts.join('%252f')}`,
  'overlong UTF-8': (parts) => `/${parts.map((part) => part.replace(/\./g, '%c0%ae')).join('%c0%af')}`,
  'NUL suffix': (parts) => `/${parts.join('%2f')}%00.js`,
  'NUL prefix': (parts) => `/%00${parts.join('%2f')}`,
  'no leading slash': (parts) => parts.join('%2f'),
  'absolute form': (parts) => `http://127.0.0.1/${parts.join('%2f')}`,
};

/** Absolute spellings of a file: POSIX, a file: URL, Windows drive letters, UNC and \\?\ paths. */
function absoluteAttempts(file: string): string[] {
  const encoded = encodeURIComponent(file);
  const windows = file.replace(/\//g, '\\');
  const windowsEncoded = encodeURIComponent(windows);
  return [
    `/${encoded}`,
    `/%2f${encoded}`,
    `//${file.slice(1)}`,
    `/file:${encoded}`,
    `/file:%2f%2f${encoded}`,
    `/C:${windowsEncoded}`,
    `/C:${file}`,
    `/c%3a${windowsEncoded}`,
    `/C:%2f..%2f..${encoded}`,
    '/C:%5cWindows%5cwin.ini',
    '/C:/Windows/win.ini',
    `/%5c%5c127.0.0.1%5cc$${windowsEncoded}`,
    `//127.0.0.1/c$${file}`,
    `/%5c%5c%3f%5cC:${windowsEncoded}`,
    `/%5c%5c.%5cC:${windowsEncoded}`,
    '/index.html::$DATA',
  ];
}

/**
 * Request targets that try to reach each of `secrets` from `staticDir`: the relative way up in
 * every encoding above, and the absolute ways.
 */
export function traversalAttempts(options: { secrets: string[]; staticDir: string }): string[] {
  const attempts = new Set<string>();
  for (const secret of options.secrets) {
    const relative = path.relative(options.staticDir, secret).split(path.sep);
    for (const encode of Object.values(ENCODINGS)) attempts.add(encode(relative));
    for (const attempt of absoluteAttempts(secret)) attempts.add(attempt);
  }
  return [...attempts];
}

/** Where a server that decoded the path and joined it to its folder (the classic mistake) would look. */
export function naiveJoin(staticDir: string, attempt: string): string {
  const { pathname } = new URL(attempt, 'http://127.0.0.1');
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // left as it is
  }
  return path.join(staticDir, decoded.replace(/\\/g, '/'));
}

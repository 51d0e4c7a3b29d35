import fs from 'node:fs';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The path a URL path names inside `root`, or null. Refuses anything that could leave the
 * folder instead of trying to clean it: "." and ".." segments, separators other than "/"
 * (a backslash is one on Windows), NUL, and ":" (a drive letter, or an NTFS stream name such as
 * "index.html::$DATA"). `paths` is the platform's path module; tests pass path.win32 to check
 * the Windows rules on any machine.
 */
export function staticPath(root: string, urlPath: string, paths: path.PlatformPath = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const candidate = paths.join(root, ...segments);
  const relative = paths.relative(root, candidate);
  if (relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative)) return null;
  return candidate;
}

/**
 * Maps a URL path to a file inside `root` (see staticPath), the app's entry page for the
 * single-page app's own routes, or null.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  const candidate = staticPath(root, urlPath);
  if (candidate === null) return null;
  try {
    const stat = fs.statSync(candidate);
    if (stat.isFile()) return candidate;
  } catch {
    // fall through to the app's entry page
  }
  // Paths without an extension are the single-page app's own routes.
  if (path.extname(path.relative(root, candidate)) === '') {
    const index = path.join(root, 'index.html');
    return fs.existsSync(index) ? index : null;
  }
  return null;
}

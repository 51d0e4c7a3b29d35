import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FolderKind } from '../../../shared/domain/folders';

/** A drive the user can write a copy to that is not this PC's own disk. */
export interface Drive {
  path: string;
  /** The volume's name ("KINGSTON"), or its folder name. */
  label: string;
  kind: 'removable' | 'network';
  freeBytes: number | null;
  totalBytes: number | null;
}

/** Filesystems that live on another computer. */
const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'afs', '9p', 'davfs', 'fuse.rclone']);
/** Where Linux desktops mount USB sticks (udisks2: /media/<user>/<label> or /run/media/<user>/<label>). */
const REMOVABLE_ROOTS = ['/media/', '/run/media/'];

export interface MountEntry {
  mountPoint: string;
  fsType: string;
}

/** /proc/mounts: "device mountpoint fstype options 0 0", spaces in paths written as \040. */
export function parseLinuxMounts(text: string): MountEntry[] {
  const unescape = (value: string) =>
    value.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields.length >= 3)
    .map((fields) => ({ mountPoint: unescape(fields[1] ?? ''), fsType: fields[2] ?? '' }));
}

function linuxKind(entry: MountEntry): Drive['kind'] | null {
  if (NETWORK_FS.has(entry.fsType)) return 'network';
  if (REMOVABLE_ROOTS.some((root) => entry.mountPoint.startsWith(root))) return 'removable';
  return null;
}

/**
 * The PowerShell query's lines, "E:|2|KINGSTON": drive letter, drive type (2 removable, 4 a
 * network drive) and volume name.
 */
export function parseWindowsDisks(output: string): { path: string; label: string; kind: Drive['kind'] }[] {
  const drives: { path: string; label: string; kind: Drive['kind'] }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const [letter, type, label] = line.trim().split('|');
    if (!letter || !/^[A-Z]:$/i.test(letter)) continue;
    const kind = type === '2' ? 'removable' : type === '4' ? 'network' : null;
    if (kind) drives.push({ path: `${letter.toUpperCase()}\\`, label: label?.trim() || letter.toUpperCase(), kind });
  }
  return drives;
}

const WINDOWS_QUERY =
  "Get-CimInstance Win32_LogicalDisk | Where-Object { $_.DriveType -eq 2 -or $_.DriveType -eq 4 } | ForEach-Object { $_.DeviceID + '|' + $_.DriveType + '|' + $_.VolumeName }";

function windowsDisks(): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_QUERY],
      { timeout: 8000, windowsHide: true },
      // No PowerShell, or it timed out: no drive is listed, the folder chooser still works.
      (error, stdout) => resolve(error ? '' : stdout),
    );
  });
}

async function space(folder: string): Promise<{ freeBytes: number | null; totalBytes: number | null }> {
  try {
    const stats = await fs.promises.statfs(folder);
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return { freeBytes: null, totalBytes: null };
  }
}

export interface DriveSources {
  platform?: NodeJS.Platform;
  /** /proc/mounts (Linux). */
  mounts?: () => string;
  /** The PowerShell query's output (Windows). */
  windows?: () => Promise<string>;
}

function readMounts(): string {
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Removable drives first (Windows: drive letters of type "removable"; Linux: what the desktop
 * mounted under /media or /run/media; macOS: /Volumes), then network drives, each with its free
 * space. Never lists files.
 */
export async function listDrives(sources: DriveSources = {}): Promise<Drive[]> {
  const platform = sources.platform ?? process.platform;
  let found: { path: string; label: string; kind: Drive['kind'] }[] = [];
  if (platform === 'win32') {
    found = parseWindowsDisks(await (sources.windows ?? windowsDisks)());
  } else if (platform === 'darwin') {
    const root = fs.statSync('/').dev;
    const names = fs.existsSync('/Volumes') ? fs.readdirSync('/Volumes') : [];
    found = names
      .map((name) => path.join('/Volumes', name))
      .filter((volume) => {
        try {
          return fs.statSync(volume).dev !== root;
        } catch {
          return false;
        }
      })
      .map((volume) => ({ path: volume, label: path.basename(volume), kind: 'removable' as const }));
  } else {
    found = parseLinuxMounts((sources.mounts ?? readMounts)())
      .map((entry) => ({ entry, kind: linuxKind(entry) }))
      .filter((item): item is { entry: MountEntry; kind: Drive['kind'] } => item.kind !== null)
      .map(({ entry, kind }) => ({ path: entry.mountPoint, label: path.basename(entry.mountPoint), kind }));
  }
  const order = (kind: Drive['kind']) => (kind === 'removable' ? 0 : 1);
  found.sort((a, b) => order(a.kind) - order(b.kind) || a.path.localeCompare(b.path));
  return Promise.all(found.map(async (drive) => ({ ...drive, ...(await space(drive.path)) })));
}

/**
 * Whether a folder is off this PC: on a removable or network drive (a UNC path \\server\share is
 * a network one), or on the PC's own disks. Decides whether a backup there counts as "not only
 * on this PC" for the warning after seven days.
 */
export async function folderKind(folder: string, sources: DriveSources = {}): Promise<FolderKind> {
  const platform = sources.platform ?? process.platform;
  if (platform === 'win32') {
    if (/^\\\\/.test(folder)) return 'network';
    const letter = /^([A-Za-z]:)/.exec(folder)?.[1]?.toUpperCase();
    const drive = (await listDrives(sources)).find((candidate) => candidate.path.startsWith(`${letter}\\`));
    return drive?.kind ?? 'local';
  }
  if (platform === 'darwin') return folder.startsWith('/Volumes/') ? 'removable' : 'local';
  const resolved = path.resolve(folder);
  // The mount the folder lies on: the longest mount point that is a prefix of it.
  let best: MountEntry | null = null;
  for (const entry of parseLinuxMounts((sources.mounts ?? readMounts)())) {
    const prefix = entry.mountPoint.endsWith('/') ? entry.mountPoint : `${entry.mountPoint}/`;
    if (
      (resolved === entry.mountPoint || resolved.startsWith(prefix)) &&
      entry.mountPoint.length >= (best?.mountPoint.length ?? 0)
    ) {
      best = entry;
    }
  }
  return (best && linuxKind(best)) ?? 'local';
}

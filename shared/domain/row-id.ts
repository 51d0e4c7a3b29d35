/**
 * Random bytes are drawn from the platform a pool at a time: one call per id cost more than the
 * rest of making it, and a transfer makes tens of thousands of ids (audit entries) at once.
 */
const POOL = 4096;
let pool = new Uint8Array(0);
let used = POOL;

function randomBytes16(): Uint8Array {
  if (used + 16 > pool.length) {
    pool = new Uint8Array(POOL);
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  // A copy: the id's bytes are changed below (time, version, variant) and never reused.
  const bytes = pool.slice(used, used + 16);
  used += 16;
  return bytes;
}

/**
 * A UUID version 7 made with the platform's Web Crypto (present in browsers and Node 20), for
 * rows the editor creates before the core sees them (team members present, requests), so an
 * autosave can tell a new row from an edited one. Same shape as electron/core/db/ids.ts.
 */
export function newRowId(nowMs: number = Date.now()): string {
  const bytes = randomBytes16();
  let time = Math.max(0, Math.floor(nowMs));
  for (let index = 5; index >= 0; index -= 1) {
    bytes[index] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import type http from 'node:http';
import { SECURITY_HEADERS } from '../security/csp';

/** After refusing a body, how long and how much of the rest is read and dropped before the connection closes. */
const DRAIN_MS = 2_000;
const DRAIN_BYTES = 64 * 1024 * 1024;

/** The size the client declares, or null when it does not (a chunked body). */
export function declaredLength(req: http.IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}

/**
 * The request's body as chunks, for a reader that may stop early (a limit, a full disk). The
 * request is left open when the reader stops, so the answer can still be written on it: a plain
 * `for await` over the request would destroy it, and the socket with it.
 */
export function bodyChunks(req: http.IncomingMessage): AsyncIterable<Buffer> {
  return { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer> };
}

/** The whole body, or null as soon as it passes `limit` (the rest is left unread, the request open). */
export async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  // Over the limit by its declared size alone: refused before anything is read.
  if ((declaredLength(req) ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(req)) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Answers a request whose body was not read to its end, and closes the connection only after
 * the answer. The rest of the body is dropped, not parsed, so the connection cannot carry
 * another request: the answer says `Connection: close`. It is written at once, whole (its length is given), but ended only once
 * the client has finished sending, or after DRAIN_MS / DRAIN_BYTES of dropped data: Node closes
 * the socket as soon as such an answer ends, and closing with unread data makes the kernel reset
 * the connection — a client still sending (a browser posting a file) may then lose the answer
 * it has not read yet.
 */
export function answerUnreadBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: string,
  type: string,
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.write(bytes);
  let dropped = 0;
  const end = () => {
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(end, DRAIN_MS);
  timer.unref();
  if (req.complete) return end();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) end();
  });
  req.once('end', end);
  req.once('close', end);
  req.resume();
}

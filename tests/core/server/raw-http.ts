import net from 'node:net';

/** An HTTP answer read off a raw socket, and how the connection ended. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The whole answer (head, and as many body bytes as Content-Length says) arrived. */
  whole: boolean;
  /** Milliseconds from the first byte sent to the whole answer. */
  answeredAfterMs: number;
  /** The server closed its side (FIN) — as opposed to the client giving up. */
  serverClosed: boolean;
  /** Milliseconds from the first byte sent to the server's FIN, and to the last body piece written (-1: never). */
  serverClosedAfterMs: number;
  sentAllAfterMs: number;
  /** A socket error the client saw (ECONNRESET, EPIPE), or null. */
  error: string | null;
}

export interface RawRequest {
  port: number;
  /** The request line and headers, without the blank line. */
  head: string;
  /** Body pieces written one after the other, as fast as the socket takes them… */
  body?: Buffer[];
  /** …or this many milliseconds apart (a client on a slow link, still sending after the answer). */
  pieceDelayMs?: number;
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
}

/** A chunked body decoded, and whether its last chunk has arrived. */
function dechunk(body: Buffer): { body: Buffer; whole: boolean } {
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(pieces), whole: false };
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (size === 0) return { body: Buffer.concat(pieces), whole: true };
    if (!(size > 0) || lineEnd + 2 + size > body.length) return { body: Buffer.concat(pieces), whole: false };
    pieces.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

type Timings = 'answeredAfterMs' | 'serverClosed' | 'serverClosedAfterMs' | 'sentAllAfterMs' | 'error';

function parse(raw: Buffer): Omit<RawAnswer, Timings> | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = raw.subarray(split + 4);
  const length = Number(headers['content-length'] ?? NaN);
  const { body, whole } =
    headers['transfer-encoding'] === 'chunked'
      ? dechunk(rest)
      : { body: rest, whole: Number.isFinite(length) && rest.length >= length };
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8'), whole };
}

/**
 * Sends bytes exactly as given (no client library to normalise the path or add headers) and
 * reads the answer and the end of the connection. The client closes its side only once the
 * server has closed its own (or at the timeout).
 */
export function rawRequest(request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(request.port, '127.0.0.1');
    const started = Date.now();
    const chunks: Buffer[] = [];
    let answeredAfterMs = -1;
    let serverClosed = false;
    let serverClosedAfterMs = -1;
    let sentAllAfterMs = -1;
    let error: string | null = null;
    const finish = () => {
      clearTimeout(timer);
      const answer = parse(Buffer.concat(chunks)) ?? { status: 0, headers: {}, body: '', whole: false };
      resolve({ ...answer, answeredAfterMs, serverClosed, serverClosedAfterMs, sentAllAfterMs, error });
    };
    const timer = setTimeout(() => {
      error ??= 'client timeout';
      socket.destroy();
    }, request.timeoutMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (answeredAfterMs < 0 && parse(Buffer.concat(chunks))?.whole) answeredAfterMs = Date.now() - started;
    });
    socket.on('end', () => {
      serverClosed = true;
      serverClosedAfterMs = Date.now() - started;
      socket.end();
    });
    socket.on('error', (cause: NodeJS.ErrnoException) => {
      error = cause.code ?? cause.message;
    });
    socket.on('close', finish);
    socket.write(`${request.head}\r\n\r\n`, 'latin1');
    const pieces = [...(request.body ?? [])];
    const written = () => (sentAllAfterMs = Date.now() - started);
    if (!request.pieceDelayMs) {
      for (const piece of pieces) socket.write(piece);
      written();
    } else {
      const next = () => {
        const piece = pieces.shift();
        if (piece === undefined || serverClosed || socket.destroyed || error !== null) return;
        socket.write(piece);
        if (pieces.length === 0) written();
        else setTimeout(next, request.pieceDelayMs);
      };
      next();
    }
  });
}

/** A chunked-transfer body: each piece framed, then the last-chunk marker (unless `unfinished`). */
export function chunked(pieces: Buffer[], unfinished = false): Buffer[] {
  const framed = pieces.flatMap((piece) => [
    Buffer.from(`${piece.length.toString(16)}\r\n`),
    piece,
    Buffer.from('\r\n'),
  ]);
  return unfinished ? framed : [...framed, Buffer.from('0\r\n\r\n')];
}

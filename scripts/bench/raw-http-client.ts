import { connect, type Socket } from 'node:net';
import type { Outcome, Target } from './http-load';
import type { PreparedRequest } from './signed-requests';

const REQUEST_TIMEOUT_MS = 10_000;
const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:\s*chunked/i;
const CHUNKED_END = Buffer.from('0\r\n\r\n');
const CLOSE = /\r\nconnection:\s*close/i;

/**
 * The whole HTTP/1.1 request as bytes, built before the timed window: the load generator shares the machine's two
 * cores with intake, so every microsecond it spends per request is taken from what is measured.
 */
export function wireBytes(target: Target, prepared: PreparedRequest): Buffer {
  const head = [`POST ${target.path} HTTP/1.1`, `host: ${target.host}:${target.port}`];
  for (const [name, value] of Object.entries(prepared.headers)) head.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), prepared.body]);
}

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
}

/**
 * One keep-alive connection carrying one request at a time (no pipelining). A minimal HTTP/1.1 response reader:
 * status line, Content-Length or chunked body, `connection: close`. About a third of the CPU of `http.request` per
 * request, measured on the benchmark machine (see docs/benchmarks.md).
 */
class RawConnection {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;

  constructor(private readonly target: Target) {}

  send(wire: Buffer): Promise<Outcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fail('TIMEOUT'), REQUEST_TIMEOUT_MS);
      this.pending = { resolve, timer };
      this.open().write(wire);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Socket {
    if (this.socket) return this.socket;
    const socket = connect({ host: this.target.host, port: this.target.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // Events of a socket this connection has already let go of (after `connection: close`) concern no request.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (this.socket === socket) this.fail(error.code ?? error.message);
    });
    socket.on('close', () => {
      if (this.socket === socket) this.fail('ECONNRESET');
    });
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    return socket;
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd === -1) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const bodyStart = headerEnd + HEADER_END.length;
    const length = CONTENT_LENGTH.exec(head)?.[1];
    let bodyEnd: number;
    if (length !== undefined) bodyEnd = bodyStart + Number(length);
    else if (CHUNKED.test(head)) {
      const end = this.buffer.indexOf(CHUNKED_END, bodyStart);
      if (end === -1) return;
      bodyEnd = end + CHUNKED_END.length;
    } else bodyEnd = bodyStart;
    if (this.buffer.length < bodyEnd) return;
    const status = Number(head.slice(9, 12));
    const duplicate = status === 202 && this.buffer.toString('utf8', bodyStart, bodyEnd).includes('"duplicate":true');
    this.buffer = this.buffer.subarray(bodyEnd);
    if (CLOSE.test(head)) this.close();
    this.settle({ status, duplicate });
  }

  private fail(code: string): void {
    this.close();
    this.settle({ error: code });
  }

  private settle(outcome: Outcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}

/** Keep-alive connections opened on demand, at most `maxConnections`; beyond that requests wait their turn. */
export class RawHttpClient {
  private readonly idle: RawConnection[] = [];
  private readonly all: RawConnection[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly target: Target,
    private readonly maxConnections: number,
  ) {}

  async send(prepared: PreparedRequest): Promise<Outcome> {
    const wire = prepared.wire ?? wireBytes(this.target, prepared);
    const connection = await this.acquire();
    try {
      return await connection.send(wire);
    } finally {
      this.release(connection);
    }
  }

  destroy(): void {
    for (const connection of this.all) connection.close();
  }

  private acquire(): Promise<RawConnection> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.all.length < this.maxConnections) {
      const connection = new RawConnection(this.target);
      this.all.push(connection);
      return Promise.resolve(connection);
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.idle.pop()!)));
  }

  private release(connection: RawConnection): void {
    this.idle.push(connection);
    this.waiting.shift()?.();
  }
}

import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * The repository root, seen from dist/scripts/start/ where this module runs from (or from scripts/start/ when a test
 * loads the TypeScript source).
 */
export const REPO_ROOT = __dirname.split(sep).includes('dist')
  ? join(__dirname, '..', '..', '..')
  : join(__dirname, '..', '..');

/** Colours by ANSI SGR code; plain codes so that no dependency is needed for a few tags. */
export const Colour = {
  grey: 90,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  brightBlue: 94,
  brightMagenta: 95,
  brightCyan: 96,
} as const;

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** https://no-color.org: NO_COLOR set to anything non-empty turns colour off; so does a stdout that is no terminal. */
export function colourWanted(
  env: NodeJS.ProcessEnv = process.env,
  stdout: NodeJS.WriteStream = process.stdout,
): boolean {
  return stdout.isTTY === true && !env.NO_COLOR;
}

export class Printer {
  private width = 0;

  constructor(readonly colour: boolean) {}

  /** Every tag is padded to the longest one announced, so that the lines of all processes stay aligned. */
  reserve(names: readonly string[]): void {
    for (const name of names) this.width = Math.max(this.width, name.length);
  }

  paint(text: string, colour: number): string {
    return this.colour ? `\x1b[${colour}m${text}\x1b[0m` : text;
  }

  bold(text: string): string {
    return this.colour ? `\x1b[1m${text}\x1b[0m` : text;
  }

  tag(name: string, colour: number): string {
    return this.paint(`[${name}]${' '.repeat(Math.max(0, this.width - name.length))}`, colour);
  }

  line(name: string, colour: number, text: string, stream: NodeJS.WriteStream = process.stdout): void {
    stream.write(`${this.tag(name, colour)} ${this.colour ? text : stripAnsi(text)}\n`);
  }
}

/** Writes one tag's lines to the terminal (via the printer) and, ANSI-free, to an optional log file. */
export interface LineSink {
  (text: string, stream?: 'out' | 'err'): void;
}

export function sinkFor(printer: Printer, name: string, colour: number, file?: WriteStream): LineSink {
  return (text, stream = 'out') => {
    printer.line(name, colour, text, stream === 'err' ? process.stderr : process.stdout);
    file?.write(`${stripAnsi(text)}\n`);
  };
}

/** `.local/logs/<name>.log`, appended to (earlier runs stay), with a marker line where this run begins. */
export function openLogFile(name: string): WriteStream {
  const dir = join(REPO_ROOT, '.local', 'logs');
  mkdirSync(dir, { recursive: true });
  const file = createWriteStream(join(dir, `${name}.log`), { flags: 'a' });
  file.write(`\n===== npm start ${new Date().toISOString()} (pid ${process.pid}) =====\n`);
  return file;
}

/**
 * Splits a byte stream into lines. Chunks end anywhere (even inside a UTF-8 character), so text is decoded by a
 * streaming decoder and an unfinished last line waits for the next chunk, or for the end of the stream.
 */
export function pipeLines(source: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  source?.on('data', (chunk: Buffer) => {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line.replace(/\r$/, ''));
  });
  source?.on('end', () => {
    pending += decoder.decode();
    if (pending !== '') onLine(pending);
    pending = '';
  });
}

export function seconds(sinceMs: number): string {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)}s`;
}

import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_KAFKA_BROKERS } from '@petitions/testing';

const execFileAsync = promisify(execFile);

export interface KcatMessage {
  /** No key at all when undefined. */
  key?: string;
  headers: Readonly<Record<string, string>>;
  /**
   * Sent byte for byte (through a file), so broken UTF-8, newlines and NUL bytes arrive as they are. An empty value
   * and `null` (a tombstone) need a key.
   */
  value: Buffer | string | null;
}

export interface KcatRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  headers: Record<string, string>;
  payload: string | null;
}

interface KcatJsonLine {
  topic: string;
  partition: number;
  offset: number;
  headers?: string[];
  key: string | null;
  payload: string | null;
}

/**
 * kcat, the librdkafka command-line client: a Kafka client independent of kafkajs, so that what the services accept
 * and write is checked by a second implementation of the protocol (and by the client most upstream systems use).
 */
export class Kcat {
  private constructor(
    readonly brokers: string,
    private readonly dir: string,
  ) {}

  /** Whether `kcat` is on PATH (`.ci/run` installs it with apt-get). */
  static installed(): boolean {
    return spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
  }

  static async create(brokers: string = process.env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS): Promise<Kcat> {
    return new Kcat(brokers, await mkdtemp(join(tmpdir(), 'kcat-')));
  }

  /**
   * Produces one message (acks = all). The value goes in a file: kcat sends each file named on the command line as
   * one message, whatever bytes it holds. The murmur2 partitioner puts a key where the Java client and kafkajs do.
   */
  async produce(topic: string, message: KcatMessage, index: number): Promise<void> {
    const args = ['-P', '-b', this.brokers, '-t', topic, '-X', 'acks=all', '-X', 'partitioner=murmur2_random'];
    for (const [name, value] of Object.entries(message.headers)) args.push('-H', `${name}=${value}`);
    if (message.value === null || message.value.length === 0) {
      // kcat sends no message at all for an empty file or an empty line; "<key><TAB>" on stdin with a key
      // delimiter gives an empty value, and with -Z a NULL one.
      if (message.key === undefined) throw new Error('kcat: an empty or NULL value needs a key');
      const delimited = [...args, '-K', '\\t', ...(message.value === null ? ['-Z'] : [])];
      await this.runWithInput(delimited, `${message.key}\t\n`);
      return;
    }
    const file = join(this.dir, `message-${index}.bin`);
    await writeFile(file, message.value);
    if (message.key !== undefined) args.push('-k', message.key);
    args.push(file);
    await execFileAsync('kcat', args, { timeout: 30_000 });
  }

  private async runWithInput(args: string[], input: string): Promise<void> {
    const child = spawn('kcat', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`kcat ${args.join(' ')} exited ${String(code)}: ${errors}`);
  }

  /** Every record of `topic` written since `sinceMs` (broker timestamps), read to the current end with `-J`. */
  async consumeSince(topic: string, sinceMs: number): Promise<KcatRecord[]> {
    const args = ['-C', '-b', this.brokers, '-t', topic, '-o', `s@${sinceMs}`, '-e', '-q', '-J'];
    const { stdout } = await execFileAsync('kcat', args, { timeout: 60_000, maxBuffer: 512 * 1024 * 1024 });
    return stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const parsed = JSON.parse(line) as KcatJsonLine;
        const headers: Record<string, string> = {};
        const flat = parsed.headers ?? [];
        for (let index = 0; index + 1 < flat.length; index += 2) headers[flat[index] ?? ''] = flat[index + 1] ?? '';
        const { topic: name, partition, offset, key, payload } = parsed;
        return { topic: name, partition, offset, key, headers, payload };
      });
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

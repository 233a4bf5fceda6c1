import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';

/**
 * Encryption at rest of the reporter's personal data (AES-256-GCM, node:crypto).
 *
 * A sealed value is one line of text: `v1:<keyId>:<iv>:<tag>:<ciphertext>`, the last three in standard base64
 * (iv 12 random bytes per value, tag 16 bytes). The header `v1:<keyId>` is authenticated as additional data, so a
 * value cannot be relabelled with another key id or version. Keys come from INTAKE_PII_KEYS:
 * `{"current": "<keyId>", "keys": {"<keyId>": "<base64 of 32 bytes>"}}`. New values use the current key; older
 * values decrypt with the key their id names, until they are re-encrypted (scripts/rotate-pii-key.ts).
 */

export const SEALED_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The demo keyring, public in this repository: development and tests only. A service that runs with it logs a
 * warning at start. Generate a real key with `openssl rand -base64 32`.
 */
export const DEMO_PII_KEYS = JSON.stringify({
  current: 'demo-1',
  keys: { 'demo-1': 'ZGVtby1vbmx5LW5vdC1zZWNyZXQtcGlpLWtleS0wMDE=' },
});

export type PiiCipherErrorCode = 'malformed' | 'unsupported-version' | 'unknown-key' | 'tampered';

/** Why a value could not be opened. The message never contains the value or any key material. */
export class PiiCipherError extends Error {
  constructor(
    readonly code: PiiCipherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PiiCipherError';
  }
}

export interface PiiKeyring {
  readonly current: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

interface SealedParts {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Base64 that decodes to exactly `bytes` bytes and back to the same text (no lenient decoding). */
function decodeBase64(text: string, bytes?: number): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const decoded = Buffer.from(text, 'base64');
  if (decoded.toString('base64') !== text) return undefined;
  if (bytes !== undefined && decoded.length !== bytes) return undefined;
  return decoded;
}

/**
 * What is wrong with an INTAKE_PII_KEYS value, one line per problem; empty when it is a usable keyring. The lines
 * name key ids, never key material (the value is a secret), and never quote the text.
 */
export function piiKeyringProblems(json: unknown): string[] {
  const shape = 'must be JSON {"current": "<keyId>", "keys": {"<keyId>": "<base64 of 32 bytes>"}}';
  if (typeof json !== 'string') return [shape];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // JSON.parse's message quotes the input: it must not reach a log.
    return [`is not valid JSON; ${shape}`];
  }
  if (!isRecord(parsed)) return [shape];
  const problems: string[] = [];
  for (const property of Object.keys(parsed)) {
    if (property !== 'current' && property !== 'keys') problems.push(`unknown property "${property}"; ${shape}`);
  }
  const { current, keys } = parsed;
  if (!isRecord(keys) || Object.keys(keys).length === 0) {
    problems.push(`"keys" must be an object with at least one key; ${shape}`);
  } else {
    for (const [keyId, material] of Object.entries(keys)) {
      if (!KEY_ID.test(keyId)) {
        problems.push(`key id ${JSON.stringify(keyId)} must be 1-32 letters, digits, ".", "_" or "-"`);
      }
      if (typeof material !== 'string' || decodeBase64(material, KEY_BYTES) === undefined) {
        problems.push(`key ${JSON.stringify(keyId)} must be standard base64 of exactly ${KEY_BYTES} bytes`);
      }
    }
  }
  if (typeof current !== 'string') {
    problems.push('"current" must be the id of one of "keys"');
  } else if (isRecord(keys) && !Object.hasOwn(keys, current)) {
    problems.push(`"current" is ${JSON.stringify(current)}, which is not one of "keys"`);
  }
  return problems;
}

/** Parses INTAKE_PII_KEYS; throws an Error listing every problem (never the value). */
export function parsePiiKeyring(json: string): PiiKeyring {
  const problems = piiKeyringProblems(json);
  if (problems.length > 0) throw new Error(`INTAKE_PII_KEYS: ${problems.join('; ')}`);
  const parsed = JSON.parse(json) as { current: string; keys: Record<string, string> };
  const keys = new Map(
    Object.entries(parsed.keys).map(([keyId, material]) => [keyId, Buffer.from(material, 'base64')]),
  );
  return { current: parsed.current, keys };
}

function header(keyId: string): string {
  return `${SEALED_VERSION}:${keyId}`;
}

// Each key imported once: createCipheriv with raw key bytes imports them on every call, which took about three
// quarters of an encryption's time (24 µs against 7 µs, docs/benchmarks.md).
const importedKeys = new WeakMap<Buffer, KeyObject>();

function keyOf(keyring: PiiKeyring, keyId: string): KeyObject {
  const key = keyring.keys.get(keyId);
  if (!key) throw new PiiCipherError('unknown-key', `no key "${keyId}" in INTAKE_PII_KEYS`);
  let imported = importedKeys.get(key);
  if (!imported) {
    imported = createSecretKey(key);
    importedKeys.set(key, imported);
  }
  return imported;
}

/** Seals `plain` under the keyring's current key, with a fresh random IV. */
export function encryptPii(plain: string, keyring: PiiKeyring): string {
  const keyId = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyOf(keyring, keyId), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(header(keyId), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64'));
  return [header(keyId), ...parts].join(':');
}

function parseSealed(sealed: string): SealedParts {
  const fields = sealed.split(':');
  if (fields.length !== 5) throw new PiiCipherError('malformed', 'not a sealed value (v1:keyId:iv:tag:ciphertext)');
  const [version, keyId, ivText, tagText, ciphertextText] = fields as [string, string, string, string, string];
  if (version !== SEALED_VERSION) {
    throw new PiiCipherError('unsupported-version', `unsupported sealed-value version "${version.slice(0, 8)}"`);
  }
  if (!KEY_ID.test(keyId)) throw new PiiCipherError('malformed', 'sealed value has an invalid key id');
  const iv = decodeBase64(ivText, IV_BYTES);
  const tag = decodeBase64(tagText, TAG_BYTES);
  const ciphertext = decodeBase64(ciphertextText);
  if (!iv || !tag || !ciphertext) throw new PiiCipherError('malformed', 'sealed value has a malformed iv, tag or text');
  return { keyId, iv, tag, ciphertext };
}

/** The id of the key that sealed `sealed`. */
export function keyIdOf(sealed: string): string {
  return parseSealed(sealed).keyId;
}

/** Opens a sealed value with the key its id names; any change to it (or the wrong key) is an error. */
export function decryptPii(sealed: string, keyring: PiiKeyring): string {
  const { keyId, iv, tag, ciphertext } = parseSealed(sealed);
  const decipher = createDecipheriv(ALGORITHM, keyOf(keyring, keyId), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(header(keyId), 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiCipherError('tampered', `sealed value does not authenticate with key "${keyId}"`);
  }
}

/**
 * The value sealed under the current key: unchanged when it already is (so re-running a rotation changes
 * nothing), otherwise opened with its own key and sealed again with a new IV.
 */
export function reencryptPii(sealed: string, keyring: PiiKeyring): string {
  if (keyIdOf(sealed) === keyring.current) return sealed;
  return encryptPii(decryptPii(sealed, keyring), keyring);
}

/** The keyring as a service uses it (provided from IntakeConfig.INTAKE_PII_KEYS). */
export class PiiCipher {
  private static readonly demoKey = parsePiiKeyring(DEMO_PII_KEYS).keys.get('demo-1');

  constructor(private readonly keyring: PiiKeyring) {}

  /** From the validated INTAKE_PII_KEYS; warns once when the public demo key is in the keyring. */
  static fromConfig(json: string, logger: Pick<Logger, 'warn'> = new Logger(PiiCipher.name)): PiiCipher {
    const cipher = new PiiCipher(parsePiiKeyring(json));
    if (cipher.usesDemoKey()) {
      logger.warn(
        'INTAKE_PII_KEYS holds the public demo key: personal data is NOT protected. ' +
          'Development only; set INTAKE_PII_KEYS with a key of your own (docs/operations.md).',
      );
    }
    return cipher;
  }

  get currentKeyId(): string {
    return this.keyring.current;
  }

  encrypt(plain: string): string {
    return encryptPii(plain, this.keyring);
  }

  decrypt(sealed: string): string {
    return decryptPii(sealed, this.keyring);
  }

  reencrypt(sealed: string): string {
    return reencryptPii(sealed, this.keyring);
  }

  /** True when any key of the keyring is the public demo key (whatever its id). */
  usesDemoKey(): boolean {
    const demo = PiiCipher.demoKey;
    return demo !== undefined && [...this.keyring.keys.values()].some((key) => key.equals(demo));
  }
}

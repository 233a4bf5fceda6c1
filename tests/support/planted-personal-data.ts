import { createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import type { Admin } from 'kafkajs';
import type { RecordedMessage } from '@petitions/testing';

/**
 * Personal data made up for one test run, unique enough that finding any of it anywhere means it leaked, and the
 * forms it could leak in (a search for each must find nothing outside intake's sealed columns).
 */
export interface PlantedReporter {
  /** As posted (the phone in a notation intake normalises). */
  posted: { name: string; phone: string; idNumber: string; handle: string };
  /** As intake stores it once normalised (what the sealed columns must decrypt to). */
  stored: { name: string; phone: string; idNumber: string; handle: string };
  /** Every string that must not appear outside intake.petitions' sealed columns. */
  forms: string[];
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number with a valid check character (GB 11643), optionally one that must be X. */
export function residentIdNumber(options: { checkX?: boolean; valid?: boolean } = {}): string {
  for (;;) {
    const birth = `19${randomInt(50, 99)}0${randomInt(1, 9)}${randomInt(10, 28)}`;
    const first17 = `430111${birth}${String(randomInt(0, 1000)).padStart(3, '0')}`;
    const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
    const check = '10X98765432'.charAt(sum % 11);
    if (options.checkX !== undefined && options.checkX !== (check === 'X')) continue;
    if (options.valid === false) return `${first17}${check === '0' ? '1' : '0'}`;
    return `${first17}${check}`;
  }
}

/** `\uXXXX` escapes of the non-ASCII characters, as a JSON encoder that escapes them would write the text. */
function unicodeEscaped(text: string): string[] {
  const escape = (upper: boolean) =>
    text.replace(/[^\x20-\x7e]/g, (char) => {
      const hex = char.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${upper ? hex.toUpperCase() : hex}`;
    });
  return [...new Set([escape(false), escape(true)])].filter((escaped) => escaped !== text);
}

export function plantReporter(kind: 'mobile' | 'landline', idCheckX = false): PlantedReporter {
  const tag = randomBytes(3).toString('hex');
  const name = `测试人欧阳某某${tag}`;
  const handle = `wxid_e2e_${randomBytes(5).toString('hex')}`;
  const idNumber = residentIdNumber({ checkX: idCheckX });
  const local = String(randomInt(20000000, 99999999));
  const [phone, storedPhone] =
    kind === 'mobile'
      ? [`+86 139-${local.slice(0, 4)}-${local.slice(4)}`, `139${local}`]
      : [`(0731) ${local.slice(0, 4)} ${local.slice(4)}`, `0731-${local}`];
  const digits = storedPhone.replace(/\D/g, '');
  const forms = [
    name,
    `欧阳某某${tag}`,
    ...unicodeEscaped(name),
    handle,
    phone,
    storedPhone,
    digits,
    local, // the 8 digits no mask shows whole
    idNumber,
    idNumber.toLowerCase(),
    idNumber.slice(0, 17),
    idNumber.slice(6, 17), // birth date and sequence number
  ];
  return {
    posted: { name, phone, idNumber: idNumber.toLowerCase(), handle },
    stored: { name, phone: storedPhone, idNumber, handle },
    forms: [...new Set(forms)],
  };
}

/** The planted forms `text` contains (empty when none). */
export function plantedIn(text: string, reporters: readonly PlantedReporter[]): string[] {
  return reporters.flatMap((reporter) => reporter.forms.filter((form) => text.includes(form)));
}

/**
 * Opens a sealed value independently of intake's code, from the format documented in docs/operations.md:
 * `v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>`, AES-256-GCM, `v1:<keyId>` as additional authenticated data.
 */
export function openSealed(sealed: string, keysJson: string): { keyId: string; plain: string } {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(':') as [string, string, string, string, string];
  const keys = (JSON.parse(keysJson) as { keys: Record<string, string> }).keys;
  const key = keys[keyId];
  if (version !== 'v1' || key === undefined) throw new Error(`cannot open a value sealed as ${version}:${keyId}`);
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), Buffer.from(iv, 'base64'), {
    authTagLength: 16,
  });
  decipher.setAAD(Buffer.from(`${version}:${keyId}`, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
  return { keyId, plain: plain.toString('utf8') };
}

/** Each partition's end offset, per topic: where the messages produced from now on start. */
export async function topicEnds(admin: Admin, topics: readonly string[]): Promise<Map<string, string>> {
  const ends = new Map<string, string>();
  for (const topic of topics) {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${partition}`, high);
  }
  return ends;
}

/** The offsets between two snapshots that `recorded` lacks, as `topic/partition@offset` (empty when complete). */
export function missingOffsets(
  from: ReadonlyMap<string, string>,
  to: ReadonlyMap<string, string>,
  recorded: readonly RecordedMessage[],
): string[] {
  const seen = new Set(recorded.map((m) => `${m.topic}/${m.partition}@${m.offset}`));
  const missing: string[] = [];
  for (const [partition, end] of to) {
    for (let offset = BigInt(from.get(partition) ?? '0'); offset < BigInt(end); offset++) {
      if (!seen.has(`${partition}@${offset}`)) missing.push(`${partition}@${offset}`);
    }
  }
  return missing;
}

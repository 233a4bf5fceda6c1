import { createHash } from 'node:crypto';
import { parse, YAMLParseError } from 'yaml';
import type { District } from './district';
import { checkDistrict } from './district-validation';

/** A district file that passed every check: the district, its declared version and a digest of its content. */
export interface DistrictFile {
  readonly district: District;
  readonly version: string;
  /** SHA-256 of the content (as canonical JSON): the same district in YAML or JSON has the same digest. */
  readonly sha256: string;
}

export type DistrictFileResult =
  ({ readonly ok: true } & DistrictFile) | { readonly ok: false; readonly problems: readonly string[] };

/** The largest district file accepted (the demo is about 40 KB). */
export const MAX_DISTRICT_FILE_BYTES = 2 * 1024 * 1024;

export function districtDigest(district: District): string {
  return createHash('sha256').update(JSON.stringify(district)).digest('hex');
}

/** The demo district (or any parsed one) as a checked file; throws when it does not pass its own checks. */
export function districtFileOf(district: District): DistrictFile {
  const checked = checkDistrict(district);
  if (!checked.ok) throw new Error(`the district does not pass its checks:\n  ${checked.problems.join('\n  ')}`);
  return { district, version: district.version ?? '', sha256: districtDigest(district) };
}

/**
 * Reads a district file, YAML or JSON (JSON is YAML), and checks it. Never throws: a bad file gives the list of
 * everything wrong with it.
 */
export function parseDistrictFile(text: string): DistrictFileResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_DISTRICT_FILE_BYTES) {
    return { ok: false, problems: [`(file): larger than ${MAX_DISTRICT_FILE_BYTES} bytes`] };
  }
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, problems: [`(file): not YAML or JSON: ${detail}`] };
  }
  const checked = checkDistrict(value);
  if (!checked.ok) return checked;
  return { ok: true, ...districtFileOf(checked.district) };
}

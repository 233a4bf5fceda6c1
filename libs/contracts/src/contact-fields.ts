/**
 * A reporter's phone number and resident ID number as channels send them, recognised and normalised so that one
 * number is stored one way. Pure: used by the `channel.message-received` contract, which intake's `POST /petitions`
 * body extends, so the HTTP and Kafka paths share one copy of the rules.
 *
 * Phones (mainland China):
 * - mobile: 11 digits `1[3-9]x xxxx xxxx`, optionally after `+86`, `0086` or `86`, with spaces or dashes between
 *   the 3-4-4 groups → `13812345678`;
 * - landline: area code `010`/`02x` (then an 8-digit number) or `0[3-9]xx` (then 7 or 8 digits), optionally in
 *   parentheses, the number not starting with 0 or 1, optionally an extension (`-123`, `转123`, `ext 123`)
 *   → `0731-84561234` or `0731-84561234-123`.
 */

const MOBILE = /^(?:(?:\+|00)?86)?(1[3-9]\d{9})$/;
const LANDLINE = /^(0(?:10|2\d))([2-9]\d{7})$|^(0[3-9]\d{2})([2-9]\d{6,7})$/;
const EXTENSION = /^(.+?)\s*(?:-|转|ext\.?|x)\s*(\d{1,6})$/i;
/** What `normalizePhone` returns: the shape a reporter's phone is validated and stored in. */
export const NORMALISED_PHONE =
  /^(?:1[3-9]\d{9}|0(?:10|2\d)-[2-9]\d{7}(?:-\d{1,6})?|0[3-9]\d{2}-[2-9]\d{6,7}(?:-\d{1,6})?)$/;

/** Separators channels put between digit groups. */
function compact(text: string): string {
  return text.replace(/[\s\-()（）]/g, '');
}

function landline(digits: string): string | undefined {
  const match = LANDLINE.exec(digits);
  if (!match) return undefined;
  return `${match[1] ?? match[3]}-${match[2] ?? match[4]}`;
}

/** The normalised form of a mainland mobile or landline number, or undefined when `text` is neither. */
export function normalizePhone(text: string): string | undefined {
  const trimmed = text.trim();
  const digits = compact(trimmed);
  const mobile = MOBILE.exec(digits);
  if (mobile) return mobile[1];
  const plain = landline(digits);
  if (plain) return plain;
  // Only a landline has an extension: 0731-84561234-123, 0731 84561234转123.
  const split = EXTENSION.exec(trimmed);
  const main = split ? landline(compact(split[1] ?? '')) : undefined;
  return main && split ? `${main}-${split[2]}` : undefined;
}

// GB 11643-1999: weights of the first 17 digits, and the check character for each remainder modulo 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** The shape of a resident ID number (居民身份证号码); the check character is checked on top. */
export const RESIDENT_ID_SHAPE = /^\d{17}[\dX]$/;

/** The check character (0-9 or X) of an 18-character resident ID number, from its first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('a resident ID number starts with 17 digits');
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return ID_CHECK.charAt(sum % 11);
}

/** The normalised form (trimmed, upper-case X) of an 18-character resident ID number. */
export function normalizeResidentId(text: string): string {
  return text.trim().toUpperCase();
}

/** True for 17 digits and the right check character (after `normalizeResidentId`). */
export function isResidentIdNumber(text: string): boolean {
  return RESIDENT_ID_SHAPE.test(text) && residentIdCheckCharacter(text.slice(0, 17)) === text.charAt(17);
}

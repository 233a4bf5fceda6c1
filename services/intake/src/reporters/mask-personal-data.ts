/**
 * Masks the personal data a log line could carry that has a recognisable shape. Deliberately simple and greedy: a
 * log may lose a few digits it did not need.
 * - resident ID numbers (17 digits and a digit or X): the first 2 and last 3 characters kept,
 *   `430111197503149314` → `43*************314`;
 * - mobile numbers (11 digits from 13-19, optionally after +86 / 0086 / 86): the first 3 and last 4 digits kept,
 *   `138 1234 5678` → `138****5678`, `+86 19370186690` → `+86 193****6690`;
 * - landline numbers (an area code from 0, then 7-8 digits): the area code and the last 4 digits kept,
 *   `0731-84561234` → `0731-****1234`.
 * Digits may be full-width (turned into ASCII first) and separated by a space, a dash or a zero-width character.
 * Names and chat handles have no shape to recognise: code must never put them into a log line at all.
 */

const SEP = '[\\s\\-\\u200b-\\u200d\\u2060\\ufeff]?';
const digits = (count: number): string => `\\d(?:${SEP}\\d){${count - 1}}`;

const RESIDENT_ID = new RegExp(`(?<![0-9A-Za-z])${digits(17)}${SEP}[\\dXx](?![0-9A-Za-z])`, 'g');
const MOBILE = new RegExp(`(?<!\\d)((?:\\+|00)?86${SEP})?(1${SEP}[3-9](?:${SEP}\\d){9})(?!\\d)`, 'g');
const LANDLINE = new RegExp(`(?<!\\d)(0\\d{2,3}(?:[)）]\\s?|${SEP}))(${digits(7)}(?:${SEP}\\d)?)(?!\\d)`, 'g');

function onlyDigits(text: string): string {
  return text.replace(/[^\dXx]/g, '').toUpperCase();
}

export function maskPersonalData(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(RESIDENT_ID, (id) => {
      const plain = onlyDigits(id);
      return `${plain.slice(0, 2)}${'*'.repeat(13)}${plain.slice(-3)}`;
    })
    .replace(MOBILE, (_phone, country: string | undefined, number: string) => {
      const plain = onlyDigits(number);
      return `${country ?? ''}${plain.slice(0, 3)}****${plain.slice(-4)}`;
    })
    .replace(LANDLINE, (_phone, area: string, number: string) => `${area}****${onlyDigits(number).slice(-4)}`);
}

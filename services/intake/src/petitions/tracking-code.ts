import { randomInt } from 'node:crypto';

// No 0/O, 1/I: codes are read aloud over the hotline.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A public tracking code: 12 random characters from a cryptographic source (60 bits), e.g. `7KQ2-M9XD-4HTA`. */
export function newTrackingCode(random: (max: number) => number = randomInt): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[random(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((group) => group.join('')).join('-');
}

const TRACKING_CODE = new RegExp(`^[${ALPHABET}]{4}-[${ALPHABET}]{4}-[${ALPHABET}]{4}$`);

/**
 * A tracking code as a citizen may type it (any case, surrounding spaces) in its canonical form, or null when it
 * cannot be one: a malformed code is answered like an unknown one, without a query.
 */
export function parseTrackingCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return TRACKING_CODE.test(code) ? code : null;
}

// The walking skeleton masks mobile numbers only; issue #7 brings full redaction (names, IDs, addresses, …).
// An optional country code (+86 / 86, its digits would otherwise hide the number's start), then 3-4-4 digits with
// optional spaces or dashes between the groups.
const MOBILE = /(?<!\d)((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;

/** Text safe for the public board. */
export function redact(text: string): string {
  return text.replace(
    MOBILE,
    (_match, country: string | undefined, head: string, tail: string) => `${country ?? ''}${head}****${tail}`,
  );
}

// The walking skeleton masks mobile numbers only; issue #7 brings full redaction (names, IDs, addresses, …).
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** Text safe for the public board. */
export function redact(text: string): string {
  return text.replace(MOBILE, (_match, head: string, _middle: string, tail: string) => `${head}****${tail}`);
}

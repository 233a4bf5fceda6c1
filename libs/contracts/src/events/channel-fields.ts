/** Rules shared by the messages channels send (`channel.inbound`) and the replies they deliver (`channel.outbound`). */

/** PostgreSQL `text` cannot hold U+0000: such a value would fail at the insert, again on every retry. */
export const WITHOUT_NUL = /^[^\u0000]*$/;
export const NUL_MESSAGE = { message: '$property must not contain the NUL character (U+0000)' };

/** A tracking code as intake issues it (`7KQ2-M9XD-4HTA`). */
export const TRACKING_CODE_SHAPE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

export function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EventCatalog, isEventType, type EventPayloads, type EventType } from './catalog';
import { Topics } from './topics';

export type DecodeFailureKind = 'unknown-type' | 'unsupported-version' | 'malformed-json' | 'invalid-payload';

export class PayloadDecodeError extends Error {
  constructor(
    readonly kind: DecodeFailureKind,
    readonly problems: readonly string[],
  ) {
    super(`${kind}: ${problems.join('; ')}`);
    this.name = 'PayloadDecodeError';
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Deeper than any payload needs (petition.reviewed: 3). class-transformer recurses per level: 10 000 overflowed it. */
export const MAX_PAYLOAD_DEPTH = 16;

/** True when `value` nests objects or arrays more than `limit` levels deep; iterative, so depth cannot overflow it. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Fields of a parsed JSON object that nest deeper than any payload may; checked before class-transformer sees it. */
export function nestingProblems(plain: object): string[] {
  return Object.entries(plain)
    .filter(([, value]) => nestsDeeperThan(value, MAX_PAYLOAD_DEPTH - 1))
    .map(([field]) => `${field}: nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
}

/**
 * Events from outside (the upstream channels on channel.inbound) are checked strictly: a field the contract does not
 * know is rejected by name, as on the HTTP path. Events between our own services are read tolerantly: a field added
 * to a v1 payload by a newer producer is dropped, not dead-lettered, so a rolling upgrade (producer first) never
 * parks good events (ADR 0003). Removing or changing a field still needs a new version.
 */
function rejectsUnknownFields(type: EventType): boolean {
  return EventCatalog[type].topic === Topics.channelInbound;
}

/**
 * Parses and validates a payload at the consuming edge, naming every bad field; unknown fields are rejected on
 * channel.inbound and dropped elsewhere (rejectsUnknownFields). Throws PayloadDecodeError; a caller dead-letters it,
 * since retrying cannot make bad data good.
 */
export function decodePayload<T extends EventType>(type: T, version: number, json: string): EventPayloads[T];
export function decodePayload(type: string, version: number, json: string): EventPayloads[EventType];
export function decodePayload(type: string, version: number, json: string): EventPayloads[EventType] {
  if (!isEventType(type))
    throw new PayloadDecodeError('unknown-type', [`event type "${type}" is not in the catalogue`]);
  const payloadClass = EventCatalog[type].payload;
  if (version !== payloadClass.version) {
    throw new PayloadDecodeError('unsupported-version', [
      `${type} v${version} is not supported (current: v${payloadClass.version})`,
    ]);
  }
  let plain: unknown;
  try {
    plain = JSON.parse(json);
  } catch (error) {
    throw new PayloadDecodeError('malformed-json', [(error as Error).message]);
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new PayloadDecodeError('invalid-payload', ['payload must be a JSON object']);
  }
  const tooDeep = nestingProblems(plain);
  if (tooDeep.length > 0) throw new PayloadDecodeError('invalid-payload', tooDeep);
  const instance = plainToInstance(payloadClass as new () => object, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: rejectsUnknownFields(type) });
  if (errors.length > 0) throw new PayloadDecodeError('invalid-payload', flatten(errors));
  return instance as EventPayloads[EventType];
}

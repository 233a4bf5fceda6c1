import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EventCatalog, isEventType, type EventPayloads, type EventType } from './catalog';
import { fieldProblemsOf, problemLines } from './field-problems';
import { jsonShapeProblems } from './json-shape';
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
  const shape = jsonShapeProblems(json);
  if (shape.length > 0) throw new PayloadDecodeError('invalid-payload', problemLines(shape));
  const instance = plainToInstance(payloadClass as new () => object, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: rejectsUnknownFields(type) });
  if (errors.length > 0) throw new PayloadDecodeError('invalid-payload', problemLines(fieldProblemsOf(errors)));
  return instance as EventPayloads[EventType];
}

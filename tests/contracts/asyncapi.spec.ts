import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DiagnosticSeverity,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
  type MessageInterface,
  type SchemaInterface,
} from '@asyncapi/parser';
import { plainToInstance } from 'class-transformer';
import {
  ARRAY_MAX_SIZE,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NUMBER,
  IS_OBJECT,
  IS_OPTIONAL,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX_LENGTH,
  MAX,
  MIN,
  ValidationTypes,
  getMetadataStorage,
  type MetadataStorage,
} from 'class-validator';
import {
  EnvelopeError,
  EnvelopeHeader,
  EventCatalog,
  FITS_LOCATION,
  IS_RESIDENT_ID_NUMBER,
  RESIDENT_ID_SHAPE,
  Topics,
  allTopicPatterns,
  channelMessageKey,
  currentVersionOf,
  deadLetterTopic,
  decodePayload,
  envelopeFromHeaders,
  isEventType,
  topicPatternOf,
  type EventType,
} from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import { DeadLetterHeader } from '@petitions/messaging';

/**
 * docs/asyncapi.yaml is the published contract; libs/contracts is the code's truth. This test fails when they
 * drift apart: a topic, event type, header, payload field or field rule missing from (or added to) the document.
 */

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type PayloadClass = new () => object;

/** The JSON Schema keywords a class-validator rule set translates to (descriptions and examples aside). */
interface Facets {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  enum?: readonly unknown[];
  items?: Facets;
}

const DOCUMENT_PATH = join(__dirname, '..', '..', 'docs', 'asyncapi.yaml');
const EVENT_TYPES = Object.keys(EventCatalog).filter(isEventType);
const DEAD_LETTER_MESSAGE = 'dead-letter';
const DEAD_LETTER_HEADERS = Object.values(DeadLetterHeader);
/** Events about a petition are keyed by its id; a channel message has no petition yet (see channelMessageKey). */
const KEYED_BY_CHANNEL_MESSAGE: readonly string[] = ['channel.message-received'];
/** Receivers outside the system: their dead letters are theirs to keep. */
const EXTERNAL_TAG = 'department-systems';

let parsed: { document: AsyncAPIDocumentInterface | undefined; errors: string[] };

beforeAll(async () => {
  const output = await new Parser().parse(readFileSync(DOCUMENT_PATH, 'utf8'));
  const errors = output.diagnostics.filter(isError).map(describeDiagnostic);
  if (errors.length > 0) console.error(`docs/asyncapi.yaml has errors:\n${errors.join('\n')}`);
  parsed = { document: output.document, errors };
}, 60_000);

function isError(diagnostic: Diagnostic): boolean {
  const severity: number = diagnostic.severity;
  const error: number = DiagnosticSeverity.Error; // 0
  return severity === error;
}

function describeDiagnostic(diagnostic: Diagnostic): string {
  return `${String(diagnostic.code)} at ${diagnostic.path.join('.') || '(root)'}: ${diagnostic.message}`;
}

function doc(): AsyncAPIDocumentInterface {
  if (parsed.document === undefined) throw new Error('docs/asyncapi.yaml did not parse (see the diagnostics test)');
  return parsed.document;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

function messageNamed(name: string): MessageInterface {
  const matches = doc()
    .components()
    .messages()
    .all()
    .filter((message) => message.name() === name);
  if (matches.length !== 1) throw new Error(`expected one message named "${name}", found ${String(matches.length)}`);
  return matches[0] as MessageInterface;
}

function propertiesOf(schema: SchemaInterface | undefined, what: string): Record<string, SchemaInterface> {
  const properties = schema?.properties();
  if (properties === undefined) throw new Error(`${what} has no properties`);
  return properties;
}

// ---- class-validator → JSON Schema ------------------------------------------------------------------------

function metadataByProperty(cls: PayloadClass): Map<string, ValidationMetadata[]> {
  // Includes the rules a class inherits (the department responses share an abstract base).
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  return byProperty;
}

function isOptionalRule(metadata: ValidationMetadata): boolean {
  return metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === IS_OPTIONAL;
}

function numberConstraint(value: unknown, rule: string): number {
  if (typeof value !== 'number') throw new Error(`@${rule} has a non-numeric constraint`);
  return value;
}

function patternOf(constraints: readonly unknown[]): string {
  const [pattern, modifiers] = constraints;
  if (pattern instanceof RegExp && pattern.flags === '') return pattern.source;
  if (typeof pattern === 'string' && modifiers === undefined) return pattern;
  throw new Error('@Matches with flags has no JSON Schema equivalent');
}

/** Adds what one class-validator rule means to `facets`; an unknown rule fails the test until it is mapped. */
function applyRule(facets: Facets, metadata: ValidationMetadata, where: string): void {
  // Rules without arguments (@IsString) leave `constraints` undefined, whatever its declared type says.
  const constraints = (metadata.constraints as readonly unknown[] | undefined) ?? [];
  const rule = metadata.name ?? metadata.type;
  switch (rule) {
    case IS_STRING:
      facets.type = 'string';
      return;
    case IS_UUID:
      Object.assign(facets, { type: 'string', format: 'uuid' });
      return;
    case IS_ISO8601:
      Object.assign(facets, { type: 'string', format: 'date-time' });
      return;
    case MATCHES:
      Object.assign(facets, { type: 'string', pattern: patternOf(constraints) });
      return;
    case IS_LENGTH:
      Object.assign(facets, { type: 'string', minLength: numberConstraint(constraints[0], rule) });
      if (constraints[1] !== undefined) facets.maxLength = numberConstraint(constraints[1], rule);
      return;
    case MAX_LENGTH:
      Object.assign(facets, { type: 'string', maxLength: numberConstraint(constraints[0], rule) });
      return;
    case IS_IN: {
      const values = constraints[0];
      if (!Array.isArray(values)) throw new Error(`@IsIn on ${where} has no list of values`);
      facets.enum = [...(values as unknown[])];
      // An enum of strings is documented as a string enum.
      if (values.every((value) => typeof value === 'string')) facets.type = 'string';
      return;
    }
    case IS_INT:
      facets.type = 'integer';
      return;
    case MIN:
      facets.minimum = numberConstraint(constraints[0], rule);
      return;
    case MAX:
      facets.maximum = numberConstraint(constraints[0], rule);
      return;
    case IS_NUMBER:
      facets.type = 'number';
      return;
    case FITS_LOCATION:
      // That a unit lies in its town and a grid in its unit spans fields: the document states it in words.
      return;
    case IS_BOOLEAN:
      facets.type = 'boolean';
      return;
    case IS_OBJECT:
      facets.type = 'object';
      return;
    case IS_RESIDENT_ID_NUMBER:
      // The check character (GB 11643) has no JSON Schema equivalent: the document states it in words.
      Object.assign(facets, { type: 'string', pattern: RESIDENT_ID_SHAPE.source });
      return;
    case IS_ARRAY:
      facets.type = 'array';
      return;
    case ARRAY_MAX_SIZE:
      facets.maxItems = numberConstraint(constraints[0], rule);
      return;
    default:
      throw new Error(`no JSON Schema mapping for rule "${rule}" on ${where}: add one here and in the YAML`);
  }
}

function expectedFacets(metadatas: readonly ValidationMetadata[], where: string): Facets {
  const own: Facets = {};
  const items: Facets = {};
  for (const metadata of metadatas) {
    if (isOptionalRule(metadata)) continue;
    const target = metadata.each ? items : own;
    if (metadata.type === ValidationTypes.NESTED_VALIDATION) target.type = 'object';
    else applyRule(target, metadata, where);
  }
  return Object.keys(items).length > 0 ? { ...own, items } : own;
}

function documentedFacets(schema: SchemaInterface): Facets {
  const facets: Facets = {};
  const type = schema.type();
  if (type !== undefined) facets.type = Array.isArray(type) ? type.join('|') : type;
  const format = schema.format();
  if (format !== undefined) facets.format = format;
  const pattern = schema.pattern();
  if (pattern !== undefined) facets.pattern = pattern;
  const minLength = schema.minLength();
  if (minLength !== undefined) facets.minLength = minLength;
  const maxLength = schema.maxLength();
  if (maxLength !== undefined) facets.maxLength = maxLength;
  const minimum = schema.minimum();
  if (minimum !== undefined) facets.minimum = minimum;
  const maximum = schema.maximum();
  if (maximum !== undefined) facets.maximum = maximum;
  const maxItems = schema.maxItems();
  if (maxItems !== undefined) facets.maxItems = maxItems;
  const values: readonly unknown[] | undefined = schema.enum();
  if (values !== undefined) facets.enum = values;
  const items = schema.items();
  if (items !== undefined && !Array.isArray(items)) facets.items = documentedFacets(items);
  return facets;
}

/** The class that @Type gives a nested property, found the way the decoder finds it: by transforming a sample. */
function nestedClassOf(cls: PayloadClass, property: string, each: boolean): PayloadClass {
  const sample = { [property]: each ? [{}] : {} };
  const value: unknown = (plainToInstance(cls, sample) as Record<string, unknown>)[property];
  const element: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof element !== 'object' || element === null || element.constructor === Object) {
    throw new Error(`${cls.name}.${property} is validated as nested but has no @Type`);
  }
  return element.constructor as PayloadClass;
}

/** Compares a payload class with its schema: property names, required list, closedness, rules; recurses. */
function expectSchemaMirrorsClass(cls: PayloadClass, schema: SchemaInterface | undefined, where: string): void {
  const rules = metadataByProperty(cls);
  const properties = propertiesOf(schema, where);
  expect({ where, properties: sorted(Object.keys(properties)) }).toEqual({ where, properties: sorted(rules.keys()) });
  const required = [...rules].filter(([, metadatas]) => !metadatas.some(isOptionalRule)).map(([name]) => name);
  expect({ where, required: sorted(schema?.required() ?? []) }).toEqual({ where, required: sorted(required) });
  const closed = schema?.additionalProperties() === false;
  expect({ where, closed }).toEqual({ where, closed: true });

  for (const [property, metadatas] of rules) {
    const propertySchema = properties[property];
    if (propertySchema === undefined) continue; // already reported by the property-name comparison
    const path = `${where}.${property}`;
    const expected = expectedFacets(metadatas, path);
    expect({ path, facets: documentedFacets(propertySchema) }).toEqual({ path, facets: expected });
    const nested = metadatas.find((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION);
    if (nested !== undefined) {
      const items = propertySchema.items();
      const nestedSchema = nested.each && items !== undefined && !Array.isArray(items) ? items : propertySchema;
      expectSchemaMirrorsClass(nestedClassOf(cls, property, nested.each), nestedSchema, path);
    }
  }
}

// ---- the tests ---------------------------------------------------------------------------------------------

describe('docs/asyncapi.yaml', () => {
  it('is a valid AsyncAPI 3 document (no diagnostic of severity error)', () => {
    expect(parsed.errors).toEqual([]);
    expect(doc().version()).toBe('3.0.0');
  });

  describe('channels', () => {
    const topics = sorted(new Set([...allTopicPatterns(), ...Object.values(Topics)]));

    it.each(topics)('has a channel for topic %s', (topic) => {
      const addresses = doc()
        .channels()
        .all()
        .map((channel) => channel.address());
      expect(addresses).toContain(topic);
    });

    it('lists the district department codes as the parameter of the work-order topics', () => {
      const channel = doc()
        .channels()
        .all()
        .find((candidate) => candidate.address() === topicPatternOf('work-order.issued'));
      const parameter = channel?.parameters().get('departmentCode');
      expect(parameter?.description()).toBeTruthy();
      const codes: readonly unknown[] = parameter?.schema()?.enum() ?? [];
      expect(codes).toEqual(DEPARTMENT_CODES);
    });
  });

  describe('messages', () => {
    it.each(EVENT_TYPES)('documents %s on the channel of its topic, with the key it is sent with', (type) => {
      const message = messageNamed(type);
      const channel = doc()
        .channels()
        .all()
        .find((candidate) => candidate.address() === topicPatternOf(type));
      expect(
        channel
          ?.messages()
          .all()
          .map((candidate) => candidate.name()),
      ).toContain(type);

      const headers = propertiesOf(message.headers(), `${type} headers`);
      const typeHeader: unknown = headers[EnvelopeHeader.type]?.const();
      const versionHeader: unknown = headers[EnvelopeHeader.schemaVersion]?.const();
      const version = String(currentVersionOf(type));
      expect({ typeHeader, versionHeader }).toEqual({ typeHeader: type, versionHeader: version });

      const kafka = message.bindings().get('kafka')?.value<{ key?: { format?: string; pattern?: string } }>();
      if (!KEYED_BY_CHANNEL_MESSAGE.includes(type)) {
        expect(kafka?.key?.format).toBe('uuid');
        return;
      }
      // `<channel>:<channelMessageId>`: the key channelMessageKey gives each example matches the documented pattern.
      const pattern = kafka?.key?.pattern;
      expect(pattern).toBeDefined();
      for (const example of message.examples().all()) {
        const payload = decodePayload('channel.message-received', 1, JSON.stringify(example.payload()));
        expect(channelMessageKey(payload)).toMatch(new RegExp(pattern ?? '(?!)'));
      }
    });

    it.each(EVENT_TYPES)('has a send operation for %s', (type) => {
      const sent = doc()
        .operations()
        .filterBySend()
        .flatMap((operation) =>
          operation
            .messages()
            .all()
            .map((message) => message.name()),
        );
      expect(sent).toContain(type);
    });
  });

  describe('envelope headers', () => {
    const headerNames = Object.values(EnvelopeHeader);

    function envelopeTraitHeaders(): SchemaInterface | undefined {
      const trait = doc()
        .components()
        .messageTraits()
        .all()
        .find((candidate) => candidate.id() === 'envelope');
      return trait?.headers();
    }

    /** The headers envelopeFromHeaders insists on, learnt from what it reports missing on an empty set. */
    function requiredHeaders(): string[] {
      try {
        envelopeFromHeaders({});
      } catch (error) {
        if (!(error instanceof EnvelopeError)) throw error;
        return error.problems.flatMap((problem) => /^header "([^"]+)" is missing$/.exec(problem)?.[1] ?? []);
      }
      throw new Error('envelopeFromHeaders accepted no headers at all');
    }

    it('documents exactly the EnvelopeHeader names in the trait "envelope"', () => {
      const properties = propertiesOf(envelopeTraitHeaders(), 'the envelope trait headers');
      expect(sorted(Object.keys(properties))).toEqual(sorted(headerNames));
      for (const name of headerNames) {
        expect({ name, described: Boolean(properties[name]?.description()) }).toEqual({ name, described: true });
      }
    });

    it('requires the headers the envelope reader requires', () => {
      expect(sorted(envelopeTraitHeaders()?.required() ?? [])).toEqual(sorted(requiredHeaders()));
    });

    it.each(EVENT_TYPES)('applies the envelope to %s', (type) => {
      const properties = propertiesOf(messageNamed(type).headers(), `${type} headers`);
      expect(sorted(Object.keys(properties))).toEqual(sorted(headerNames));
    });
  });

  describe('payloads', () => {
    it.each(EVENT_TYPES)('mirrors the class-validator rules of %s', (type) => {
      const payloadClass: PayloadClass = EventCatalog[type].payload;
      expectSchemaMirrorsClass(payloadClass, messageNamed(type).payload(), `${type} (${payloadClass.name})`);
    });

    it.each(EVENT_TYPES)('gives %s examples that the contracts library accepts', (type: EventType) => {
      const examples = messageNamed(type).examples().all();
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const headers = (example.headers() ?? {}) as Record<string, string>;
        const envelope = envelopeFromHeaders(headers);
        const payload = decodePayload(type, envelope.schemaVersion, JSON.stringify(example.payload()));
        const petitionId = 'petitionId' in payload ? payload.petitionId : undefined;
        expect({ type: envelope.type, petitionId: envelope.petitionId }).toEqual({ type, petitionId });
      }
    });
  });

  describe('dead letters', () => {
    function consumedTopics(): string[] {
      const topics = doc()
        .operations()
        .filterByReceive()
        .filter(
          (operation) =>
            !operation
              .tags()
              .all()
              .some((tag) => tag.name() === EXTERNAL_TAG),
        )
        .flatMap((operation) =>
          operation
            .channels()
            .all()
            .map((channel) => channel.address() ?? ''),
        );
      return sorted(new Set(topics));
    }

    it('consumes the topics the services are meant to consume', () => {
      const { channelInbound, petitionEvents, routingEvents, deptResponses, deadlineEvents, accountabilityEvents } =
        Topics;
      expect(consumedTopics()).toEqual(
        sorted([channelInbound, petitionEvents, routingEvents, deptResponses, deadlineEvents, accountabilityEvents]),
      );
    });

    it('has a dead-letter channel with the dead-letter message for every consumed topic', () => {
      const channels = doc().channels().all();
      for (const topic of consumedTopics()) {
        const channel = channels.find((candidate) => candidate.address() === deadLetterTopic(topic));
        expect({
          topic,
          messages: channel
            ?.messages()
            .all()
            .map((message) => message.name()),
        }).toEqual({
          topic,
          messages: [DEAD_LETTER_MESSAGE],
        });
      }
    });

    it('documents the dlq-* headers and keeps the original key', () => {
      const message = messageNamed(DEAD_LETTER_MESSAGE);
      const headers = message.headers();
      expect(sorted(Object.keys(propertiesOf(headers, 'dead-letter headers')))).toEqual(sorted(DEAD_LETTER_HEADERS));
      expect(sorted(headers?.required() ?? [])).toEqual(sorted(DEAD_LETTER_HEADERS));
      expect(message.payload()?.description()).toBeTruthy();
      expect(message.bindings().get('kafka')?.value<{ key?: unknown }>().key).toBeDefined();
    });
  });
});

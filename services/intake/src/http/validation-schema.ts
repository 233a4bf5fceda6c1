import type { SchemaObject } from '@nestjs/swagger';
import { IS_WELL_FORMED_TEXT, WELL_FORMED_TEXT } from '@petitions/contracts';
import { getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type DtoClass = Function;

function describeConstraint(schema: SchemaObject, metadata: ValidationMetadata): void {
  const [first, second] = (metadata.constraints as unknown[] | undefined) ?? [];
  switch (metadata.name ?? '') {
    case 'isString':
      schema.type = 'string';
      return;
    case 'isIn':
      schema.enum = first as unknown[];
      if ((first as unknown[]).every((value) => typeof value === 'string')) schema.type = 'string';
      return;
    case 'isLength':
      if (typeof first === 'number') schema.minLength = first;
      if (typeof second === 'number') schema.maxLength = second;
      return;
    case 'minLength':
      schema.minLength = first as number;
      return;
    case 'maxLength':
      schema.maxLength = first as number;
      return;
    case 'matches':
      if (first instanceof RegExp) schema.pattern = first.source;
      return;
    case 'isInt':
      schema.type = 'integer';
      return;
    case 'isNumber':
      schema.type = 'number';
      return;
    case 'isBoolean':
      schema.type = 'boolean';
      return;
    case 'isObject':
      schema.type = 'object';
      return;
    case IS_WELL_FORMED_TEXT:
      schema.pattern = WELL_FORMED_TEXT.source;
      return;
    case 'isUUID':
      schema.format = 'uuid';
      return;
    case 'isISO8601':
      schema.format = 'date-time';
      return;
    default:
      // A rule OpenAPI cannot say (e.g. a resident ID's check digit): named, so that a reader knows it is checked.
      if (metadata.type === 'customValidation' && metadata.name) {
        schema.description = [schema.description, `also checked: ${metadata.name}`].filter(Boolean).join('; ');
      }
  }
}

/**
 * The JSON schema of a request DTO, read from its class-validator rules: the rules are what intake enforces, so
 * the documentation cannot drift from them (and the DTO needs no second set of decorators). Covers the rules the
 * DTOs use (types, enums, lengths, patterns, optional and nested objects); any other rule is named in the
 * property's description. Unknown properties are rejected (the ValidationPipe's whitelist), hence
 * `additionalProperties: false`.
 */
export function schemaOfDto(dto: DtoClass, seen: ReadonlySet<DtoClass> = new Set()): SchemaObject {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  const path = new Set([...seen, dto]);
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    const schema: SchemaObject = {};
    for (const rule of rules) describeConstraint(schema, rule);
    const nested = Reflect.getMetadata('design:type', dto.prototype as object, property) as DtoClass | undefined;
    if (rules.some((rule) => rule.type === 'nestedValidation') && nested && !path.has(nested)) {
      Object.assign(schema, schemaOfDto(nested, path));
    }
    properties[property] = schema;
    if (!rules.some((rule) => rule.type === 'conditionalValidation' && rule.name === 'isOptional')) {
      required.push(property);
    }
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

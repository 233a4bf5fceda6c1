import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { CATEGORY_CODES } from '@petitions/district';
import { CLIENT_ID_ATTRIBUTE, CLIENT_ID_MAX_LENGTH } from './open311-catalogue';
import { MAX_RECORDS, WINDOW_DAYS } from './open311-query';

// Classes for the document only: what the JSON format answers (the XML format has the same fields as elements).

class Open311ErrorEntry {
  @ApiProperty({ example: 403, description: 'The HTTP status.' })
  code!: number;
  @ApiProperty({ example: "invalid api_key received -- can't proceed with create_request" })
  description!: string;
}

class Open311EndpointEntry {
  @ApiProperty({ example: 'http://wiki.open311.org/GeoReport_v2' }) specification!: string;
  @ApiProperty({ example: 'https://petitions.example/open311/v2' }) url!: string;
  @ApiProperty() changeset!: string;
  @ApiProperty({ example: 'production' }) type!: string;
  @ApiProperty({ type: [String], example: ['text/xml', 'application/json'] }) formats!: string[];
}

class Open311Discovery {
  @ApiProperty() changeset!: string;
  @ApiProperty() contact!: string;
  @ApiProperty() key_service!: string;
  @ApiProperty({ type: [Open311EndpointEntry] }) endpoints!: Open311EndpointEntry[];
}

class Open311ServiceEntry {
  @ApiProperty({ enum: CATEGORY_CODES }) service_code!: string;
  @ApiProperty({ example: '下水道堵塞' }) service_name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Always true: every service declares the client-id attribute.' }) metadata!: boolean;
  @ApiProperty({ example: 'realtime' }) type!: string;
  @ApiProperty({ description: 'Comma-separated.' }) keywords!: string;
  @ApiProperty({ example: 'city' }) group!: string;
}

class Open311AttributeEntry {
  @ApiProperty({ example: false }) variable!: boolean;
  @ApiProperty({ example: CLIENT_ID_ATTRIBUTE }) code!: string;
  @ApiProperty({ example: 'string' }) datatype!: string;
  @ApiProperty({ example: false }) required!: boolean;
  @ApiProperty() datatype_description!: string;
  @ApiProperty({ example: 1 }) order!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'server_set', description: 'FixMyStreet’s extension: the client fills it in.' })
  automated!: string;
  @ApiProperty({ type: [Object], example: [] }) values!: object[];
}

class Open311ServiceDefinition {
  @ApiProperty({ enum: CATEGORY_CODES }) service_code!: string;
  @ApiProperty({ type: [Open311AttributeEntry] }) attributes!: Open311AttributeEntry[];
}

class Open311FiledEntry {
  @ApiProperty({ example: '7KQ2-M9XD-4HTA', description: 'The petition’s public tracking code.' })
  service_request_id!: string;
  @ApiProperty({ type: String, nullable: true }) service_notice!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Always empty: no accounts here.' })
  account_id!: string | null;
}

class Open311RequestEntry {
  @ApiProperty({ example: '7KQ2-M9XD-4HTA' }) service_request_id!: string;
  @ApiProperty({ enum: ['open', 'closed'], description: 'Closed once the department resolved it.' }) status!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The department’s result once closed, its latest progress note until then.',
  })
  status_notes!: string | null;
  @ApiProperty({ type: String, nullable: true }) service_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) service_code!: string | null;
  @ApiProperty({ description: 'As filed; phone and ID numbers masked.' }) description!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The department that must act, once assigned.' })
  agency_responsible!: string | null;
  @ApiProperty({ type: String, nullable: true }) service_notice!: string | null;
  @ApiProperty({ format: 'date-time' }) requested_datetime!: string;
  @ApiProperty({ format: 'date-time' }) updated_datetime!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The deadline, once armed.' })
  expected_datetime!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The district’s grid, unit or town code.' })
  address_id!: string | null;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) long!: number | null;
  @ApiProperty({ type: String, nullable: true }) media_url!: string | null;
}

class Open311UpdateEntry {
  @ApiProperty({ format: 'uuid' }) update_id!: string;
  @ApiProperty({ example: '7KQ2-M9XD-4HTA' }) service_request_id!: string;
  @ApiProperty({ enum: ['open', 'closed'], description: 'The request’s status after this update.' }) status!: string;
  @ApiProperty({ format: 'date-time' }) updated_datetime!: string;
  @ApiProperty({ description: 'The department’s note or result; a short line for the other steps.' })
  description!: string;
  @ApiProperty({ type: String, nullable: true }) media_url!: string | null;
}

const FORMAT = 'The extension picks the format: `.json` or `.xml` (GeoReport’s required one).';
const ERRORS = 'Errors are a list of `{code, description}` (`<errors><error>` in XML), code being the HTTP status.';

function errorList(description: string): { description: string; schema: object } {
  return { description, schema: { type: 'array', items: { $ref: getSchemaPath(Open311ErrorEntry) } } };
}

function listOf(model: new () => object): { schema: object } {
  return { schema: { type: 'array', items: { $ref: getSchemaPath(model) } } };
}

function read(summary: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(Open311ErrorEntry),
    ApiOperation({ summary, description: `${description} ${FORMAT} ${ERRORS}` }),
    ApiProduces('application/json', 'text/xml'),
    ApiTooManyRequestsResponse(errorList('Over the read limit of the client address (`open311-read`).')),
  );
}

const DATE_QUERIES = [
  ApiQuery({ name: 'start_date', required: false, description: 'W3C date-time with a time zone.' }),
  ApiQuery({ name: 'end_date', required: false, description: `At most ${WINDOW_DAYS} days after start_date.` }),
  ApiQuery({ name: 'jurisdiction_id', required: false, description: 'Accepted and ignored: one jurisdiction.' }),
  ApiQuery({ name: 'api_key', required: false, description: 'Accepted and ignored: reads need no key.' }),
];

export function ApiOpen311Discovery(): MethodDecorator {
  return applyDecorators(
    read('Open311 discovery', 'The GeoReport v2 endpoint, its formats and how to get a key.'),
    ApiOkResponse({ type: Open311Discovery }),
  );
}

export function ApiOpen311Services(): MethodDecorator {
  return applyDecorators(
    read('Open311 service list', 'One service per category of the district’s catalogue.'),
    ApiExtraModels(Open311ServiceEntry),
    ApiOkResponse(listOf(Open311ServiceEntry)),
  );
}

export function ApiOpen311Definition(): MethodDecorator {
  return applyDecorators(
    read(
      'Open311 service definition',
      `One attribute: \`${CLIENT_ID_ATTRIBUTE}\`, the client’s own report id (FixMyStreet fills it in).`,
    ),
    ApiParam({ name: 'serviceCode', enum: CATEGORY_CODES }),
    ApiOkResponse({ type: Open311ServiceDefinition }),
    ApiNotFoundResponse(errorList('No service has this code.')),
  );
}

export function ApiOpen311File(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(Open311ErrorEntry, Open311FiledEntry),
    ApiOperation({
      summary: 'Open311 POST Service Request',
      description:
        'Files a petition as the API key’s channel, by the same rules as `POST /petitions`. A location is required ' +
        '(lat and long, address_string, or address_id: a district town, unit or grid code). The contact fields are ' +
        `stored encrypted and never shown. The same \`attribute[${CLIENT_ID_ATTRIBUTE}]\` again, or without one the ` +
        'same request within 24 hours, answers the same service request. ' +
        `${FORMAT} ${ERRORS}`,
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiProduces('application/json', 'text/xml'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['api_key', 'service_code', 'description'],
        properties: {
          api_key: { type: 'string' },
          service_code: { type: 'string', enum: [...CATEGORY_CODES] },
          description: { type: 'string', minLength: 1, maxLength: 4000 },
          lat: { type: 'string', example: '27.8274' },
          long: { type: 'string', example: '113.1340' },
          address_string: { type: 'string', maxLength: 200 },
          address_id: { type: 'string', description: 'A town, unit or grid code of the district.' },
          email: { type: 'string', format: 'email' },
          device_id: { type: 'string' },
          account_id: { type: 'string' },
          first_name: { type: 'string' },
          last_name: { type: 'string' },
          phone: { type: 'string', description: 'A mainland mobile or landline number.' },
          media_url: { type: 'string', format: 'uri' },
          [`attribute[${CLIENT_ID_ATTRIBUTE}]`]: { type: 'string', maxLength: CLIENT_ID_MAX_LENGTH },
          jurisdiction_id: { type: 'string', description: 'Accepted and ignored.' },
        },
      },
    }),
    ApiCreatedResponse({ description: 'Stored, with its event.', ...listOf(Open311FiledEntry) }),
    ApiBadRequestResponse(errorList('A bad or missing parameter (one error per problem), an unknown service_code.')),
    ApiForbiddenResponse(errorList('No api_key, or one that is unknown or retired.')),
    ApiTooManyRequestsResponse(errorList('Over the limit of the address (`source`) or of the key (`open311-key`).')),
  );
}

export function ApiOpen311Requests(): MethodDecorator {
  return applyDecorators(
    read(
      'Open311 GET Service Requests',
      `Requests filed through Open311 only (never a hotline or chat-group petition), newest first, at most ` +
        `${MAX_RECORDS}; without dates the last ${WINDOW_DAYS} days.`,
    ),
    ApiExtraModels(Open311RequestEntry),
    ...DATE_QUERIES,
    ApiQuery({ name: 'service_request_id', required: false, description: 'Comma-separated; overrides the rest.' }),
    ApiQuery({ name: 'service_code', required: false, description: 'Comma-separated.' }),
    ApiQuery({ name: 'status', required: false, description: '`open`, `closed` or both, comma-separated.' }),
    ApiQuery({
      name: 'updated_after',
      required: false,
      description: 'Updated (as intake recorded it) after this; without dates, whenever the request came.',
    }),
    ApiOkResponse(listOf(Open311RequestEntry)),
    ApiBadRequestResponse(errorList('A bad parameter, an unknown service_code, a range over 90 days.')),
  );
}

export function ApiOpen311Request(): MethodDecorator {
  return applyDecorators(
    read('Open311 GET Service Request', 'One request filed through Open311, by its id (the tracking code).'),
    ApiExtraModels(Open311RequestEntry),
    ApiParam({ name: 'serviceRequestId', example: '7KQ2-M9XD-4HTA' }),
    ApiOkResponse(listOf(Open311RequestEntry)),
    ApiNotFoundResponse(errorList('No request filed through Open311 has this id.')),
  );
}

export function ApiOpen311Updates(): MethodDecorator {
  return applyDecorators(
    read(
      'Open311 GET Service Request Updates (FixMyStreet’s extension)',
      'The steps of requests filed through Open311 that intake recorded in the range (without dates the last ' +
        `${WINDOW_DAYS} days), oldest first, at most ${MAX_RECORDS}: assigned, acknowledged, progress, resolved, ` +
        'overdue.',
    ),
    ApiExtraModels(Open311UpdateEntry),
    ...DATE_QUERIES,
    ApiOkResponse(listOf(Open311UpdateEntry)),
    ApiBadRequestResponse(errorList('A bad date, a range over 90 days.')),
  );
}

import { randomBytes } from 'node:crypto';
import { CHANNEL_CODES } from '@petitions/district';
import { ServiceProcess } from '../../support/service-process';
import { TestDatabase } from '../../support/test-database';

const PORT = 3152;

interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
        security?: Record<string, string[]>[];
      }
    >
  >;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme: string }> };
}

describe('intake: OpenAPI at /docs', () => {
  let db: TestDatabase;
  let intake: ServiceProcess;
  let document: OpenApiDocument;

  beforeAll(async () => {
    db = await TestDatabase.create('it_intake_openapi');
    intake = await ServiceProcess.start('intake', PORT, {
      env: { DATABASE_URL: db.url, KAFKA_CONSUMER_GROUP_PREFIX: `it-openapi-${randomBytes(4).toString('hex')}.` },
    });
    const response = await fetch(`${intake.url}/docs/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await intake?.stop();
    await db?.drop();
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await fetch(`${intake.url}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });

  it('documents POST /petitions: the three signature headers, required', () => {
    expect(document.openapi).toMatch(/^3\./);
    const headers = (document.paths['/petitions']?.post?.parameters ?? []).filter((p) => p.in === 'header');
    expect(headers.map(({ name, required }) => ({ name, required }))).toEqual([
      { name: 'X-Channel-Key', required: true },
      { name: 'X-Timestamp', required: true },
      { name: 'X-Signature', required: true },
    ]);
  });

  it('documents the body from the validation rules: the channel codes, the required fields, nothing else allowed', () => {
    const schema = document.paths['/petitions']?.post?.requestBody?.content['application/json']?.schema;
    expect(schema?.properties?.channel?.enum).toEqual([...CHANNEL_CODES]);
    expect(schema?.required).toEqual(['channel', 'channelMessageId', 'text']);
    expect(schema?.properties?.text).toMatchObject({ type: 'string', minLength: 1, maxLength: 4000 });
    expect(schema?.additionalProperties).toBe(false);
  });

  it('documents 202 and, for 400, 401, 403, 413, 415 and 429, the one error schema', () => {
    const responses = document.paths['/petitions']?.post?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['202', '400', '401', '403', '413', '415', '429']);
    for (const status of ['400', '401', '403', '413', '415', '429']) {
      expect(responses[status]?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/ErrorResponse',
      });
    }
    expect(responses['202']?.content?.['application/json']?.schema?.$ref).toBe(
      '#/components/schemas/PetitionAcceptedResponse',
    );
  });

  it('defines the error schema: {error: {code, message, fields?: [{field, problems}]}}', () => {
    const { ErrorResponse, ErrorDetail, FieldProblems } = document.components.schemas;
    expect(ErrorResponse).toMatchObject({
      required: ['error'],
      properties: { error: { $ref: '#/components/schemas/ErrorDetail' } },
    });
    expect(ErrorDetail?.required).toEqual(['code', 'message']);
    expect(ErrorDetail?.properties?.code?.enum).toEqual(
      expect.arrayContaining([
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'PAYLOAD_TOO_LARGE',
        'MALFORMED_JSON',
      ]),
    );
    expect(ErrorDetail?.properties?.fields).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/FieldProblems' },
    });
    expect(FieldProblems).toMatchObject({
      required: ['field', 'problems'],
      properties: { field: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
    });
  });

  it('documents the operators’ group routes: bearer security, the split body, the one error schema', () => {
    expect(document.components.securitySchemes?.operator).toMatchObject({ type: 'http', scheme: 'bearer' });
    const view = document.paths['/admin/groups/{groupId}']?.get;
    const split = document.paths['/admin/groups/{groupId}/split']?.post;
    for (const operation of [view, split]) {
      expect(operation?.security).toEqual([{ operator: [] }]);
      expect(operation?.responses['401']?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/ErrorResponse',
      });
    }
    expect(Object.keys(split?.responses ?? {}).sort()).toEqual(['200', '400', '401', '404', '409']);
    const body = split?.requestBody?.content['application/json']?.schema;
    expect(body?.$ref).toBe('#/components/schemas/SplitPetitionDto');
    expect(document.components.schemas.SplitPetitionDto?.required).toEqual(['petitionId', 'reason']);
    const tracking = document.components.schemas.PetitionTrackingResponse;
    expect(tracking?.properties?.sameMatter).toBeDefined();
  });
});

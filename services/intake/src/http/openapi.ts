import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
  DocumentBuilder,
  SwaggerModule,
} from '@nestjs/swagger';
import { CHANNEL_SIGNATURE_WINDOW_SECONDS, ChannelSignatureHeader } from '@petitions/contracts';
import { SubmitPetitionDto, type PetitionAccepted } from '../petitions/submit-petition.dto';
import { ErrorResponse } from './intake-http.error';
import { schemaOfDto } from './validation-schema';

export const OPENAPI_UI_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';
/** The security scheme of the operators' routes (`/admin/...`). */
export const OPERATOR_BEARER = 'operator';

/** The 202 body; `implements` keeps it in step with what the controller returns. */
class PetitionAcceptedResponse implements PetitionAccepted {
  @ApiProperty({ format: 'uuid' })
  petitionId!: string;

  @ApiProperty({ example: '7KQ2-M9XD-4HTA', description: 'The public tracking code given to the reporter.' })
  trackingCode!: string;

  @ApiProperty({ description: 'True when this channel message had been received before: the same petition.' })
  duplicate!: boolean;
}

const SIGNING = [
  'Signed by the channel: HMAC-SHA256 with the channel key’s secret over `<X-Timestamp>.<raw body bytes>`, hex,',
  `sent as \`X-Signature: sha256=<hex>\`; the timestamp must be within ±${CHANNEL_SIGNATURE_WINDOW_SECONDS} s of`,
  'intake’s clock, and the body’s `channel` must be the key’s channel. `signChannelRequest` in `@petitions/contracts`',
  'does it; docs/operations.md shows it with openssl. The same `(channel, channelMessageId)` again is the same petition',
  '(202, `duplicate: true`).',
].join(' ');

/** The OpenAPI description of `POST /petitions`. */
export function ApiSubmitPetition(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ApiOperation({ summary: 'Submit a petition (诉求) from a channel', description: SIGNING }),
    ApiHeader({ name: ChannelSignatureHeader.keyId, required: true, description: 'The channel key’s id.' }),
    ApiHeader({ name: ChannelSignatureHeader.timestamp, required: true, description: 'Unix time, whole seconds.' }),
    ApiHeader({
      name: ChannelSignatureHeader.signature,
      required: true,
      description: '`sha256=` and the hex HMAC-SHA256 of `<X-Timestamp>.<raw body>`.',
    }),
    ApiBody({ schema: schemaOfDto(SubmitPetitionDto) }),
    ApiAcceptedResponse({ type: PetitionAcceptedResponse, description: 'Stored, and its event with it.' }),
    ApiBadRequestResponse({
      type: ErrorResponse,
      description: 'VALIDATION_FAILED (each bad field and why), MALFORMED_JSON (not JSON, or not UTF-8).',
    }),
    ApiUnauthorizedResponse({
      type: ErrorResponse,
      description:
        'UNAUTHENTICATED: a header missing, an unknown or retired key, a stale timestamp, a wrong signature.',
    }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: the key is another channel’s.' }),
    ApiPayloadTooLargeResponse({
      type: ErrorResponse,
      description: 'PAYLOAD_TOO_LARGE: the body is over INTAKE_BODY_LIMIT_BYTES (64 KB by default).',
    }),
    ApiUnsupportedMediaTypeResponse({
      type: ErrorResponse,
      description: 'UNSUPPORTED_MEDIA_TYPE: not `application/json` in UTF-8, or compressed.',
    }),
    ApiTooManyRequestsResponse({
      type: ErrorResponse,
      description:
        'RATE_LIMITED: over the limit of the source address or of the key (INTAKE_RATE_LIMITS); `Retry-After` ' +
        'says in how many seconds to try again. Every answer carries `RateLimit-Limit`, `-Remaining`, `-Reset`.',
      headers: {
        'Retry-After': { description: 'Seconds until a request is admitted again.', schema: { type: 'integer' } },
      },
    }),
  );
}

/** Swagger UI at /docs, the document at /docs/openapi.json. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('intake')
    .setDescription(
      'Where petitions (诉求) enter the petition supervision platform. Every error is ' +
        '`{"error": {"code", "message", "fields"?}}` (schema ErrorResponse).',
    )
    .setVersion('1')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'An operator’s token from INTAKE_OPERATOR_TOKENS.' },
      OPERATOR_BEARER,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'intake API',
  });
}

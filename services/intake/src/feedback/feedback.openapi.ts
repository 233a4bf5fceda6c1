import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/intake-http.error';
import { ApiSignedChannelRequest, SIGNING } from '../http/openapi';
import { schemaOfDto } from '../http/validation-schema';
import { SubmitFeedbackDto, type FeedbackAccepted } from './submit-feedback.dto';

/** The 202 body; `implements` keeps it in step with what the controller returns. */
class FeedbackAcceptedResponse implements FeedbackAccepted {
  @ApiProperty({ format: 'uuid' })
  petitionId!: string;

  @ApiProperty({ example: '7KQ2-M9XD-4HTA' })
  trackingCode!: string;

  @ApiProperty({ description: 'The answer that counts for the latest resolution: the first one given.' })
  satisfied!: boolean;

  @ApiProperty({ description: 'That answer reopened the petition (unsatisfied): it goes back to the department.' })
  reopened!: boolean;

  @ApiProperty({
    description: 'This answer had been given before (same channel message), or the resolution already had one.',
  })
  duplicate!: boolean;
}

/** The OpenAPI description of `POST /petitions/feedback`. */
export function ApiSubmitFeedback(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Pass on a citizen’s answer to the satisfaction survey (满意度回访)',
      description:
        `${SIGNING} Only the channel the petition came in through may answer for it. Satisfied closes the matter; ` +
        'unsatisfied reopens the petition (`petition.reopened`, with the comment). One answer counts per ' +
        'resolution: the same `(channel, channelMessageId)` again, or another answer to the same resolution, gets ' +
        'the first answer back (202, `duplicate: true`) and changes nothing.',
    }),
    ApiBody({ schema: schemaOfDto(SubmitFeedbackDto) }),
    ApiAcceptedResponse({ type: FeedbackAcceptedResponse, description: 'Recorded, and its events with it.' }),
    ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no petition has this tracking code.' }),
    ApiConflictResponse({
      type: ErrorResponse,
      description: 'NOT_RESOLVED: the petition has no result to answer for (not resolved, or reopened since).',
    }),
    ApiSignedChannelRequest(
      'FORBIDDEN: the key is another channel’s, or the petition came in through another channel.',
    ),
  );
}

import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/intake-http.error';
import { PETITION_STATUSES, TIMELINE_EVENTS, type PetitionStatus, type TimelineEvent } from './petition-status';
import type { DepartmentRef, PetitionTracking, SameMatter, TimelineStep } from './tracking-view';

// The response classes exist for the document only; `implements` keeps them in step with what the service returns.

class DepartmentRefResponse implements DepartmentRef {
  @ApiProperty({ example: 'URBAN' })
  code!: string;

  @ApiProperty({ example: '城市管理局', description: 'The department’s name in the district’s reference data.' })
  name!: string;
}

class TimelineStepResponse implements TimelineStep {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: TIMELINE_EVENTS })
  event!: TimelineEvent;

  @ApiPropertyOptional({ type: DepartmentRefResponse, description: 'The department that took the step.' })
  department?: DepartmentRef;
}

class SameMatterResponse implements SameMatter {
  @ApiProperty({ minimum: 2, example: 10, description: 'How many petitions, this one included, are about the matter.' })
  reports!: number;
}

class PetitionTrackingResponse implements PetitionTracking {
  @ApiProperty({ example: '7KQ2-M9XD-4HTA' })
  trackingCode!: string;

  @ApiProperty({ enum: PETITION_STATUSES, description: 'The furthest step reached.' })
  status!: PetitionStatus;

  @ApiProperty({ type: DepartmentRefResponse, nullable: true, description: 'The department that must act.' })
  department!: DepartmentRef | null;

  @ApiProperty({ type: [DepartmentRefResponse], description: 'Departments that help (协办).' })
  coDepartments!: DepartmentRef[];

  @ApiProperty({ type: String, nullable: true, example: 'sewer-and-drain' })
  category!: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The deadline, once armed.' })
  expectedBy!: string | null;

  @ApiProperty({ description: 'The deadline passed before the petition was resolved.' })
  overdue!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The department’s result, as it reported it.' })
  result!: string | null;

  @ApiProperty({ type: [TimelineStepResponse], description: 'Oldest first; always starts with `received`.' })
  timeline!: TimelineStep[];

  @ApiProperty({
    type: SameMatterResponse,
    nullable: true,
    description: 'Other residents reported the same matter; it is handled as one. Only how many.',
  })
  sameMatter!: SameMatter | null;
}

/** The OpenAPI description of `GET /petitions/track/{trackingCode}`. */
export function ApiTrackPetition(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ApiOperation({
      summary: 'Look up a petition by its tracking code',
      description:
        'Public and unsigned: the tracking code (60 random bits) is what the reporter was given. Shows where the ' +
        'petition stands and what the departments did; never the reporter or the channel’s message. The status ' +
        'follows the system’s events, so it may lag them by a moment.',
    }),
    ApiParam({ name: 'trackingCode', example: '7KQ2-M9XD-4HTA', description: 'Case-insensitive.' }),
    ApiOkResponse({ type: PetitionTrackingResponse }),
    ApiNotFoundResponse({
      type: ErrorResponse,
      description: 'NOT_FOUND: no petition has this code (or it is malformed).',
    }),
    ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'TOO_MANY_REQUESTS: too many lookups.' }),
  );
}

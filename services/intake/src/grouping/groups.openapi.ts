import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiBadRequestResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../http/intake-http.error';
import { OPERATOR_BEARER } from '../http/openapi';
import type { GroupMemberView, GroupSplitView, GroupView } from './group-view';

// The response classes exist for the document only; `implements` keeps them in step with what the service returns.

class GroupMemberResponse implements GroupMemberView {
  @ApiProperty({ format: 'uuid' })
  petitionId!: string;

  @ApiProperty({ example: '7KQ2-M9XD-4HTA' })
  trackingCode!: string;

  @ApiProperty({ description: 'The petition the matter is handled under.' })
  lead!: boolean;

  @ApiProperty({ example: '伏岭社区又停电了' })
  text!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Text similarity to the group when it joined.' })
  similarity!: number;
}

class GroupSplitResponse implements GroupSplitView {
  @ApiProperty({ format: 'uuid' })
  petitionId!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: 'The operator who split it.' })
  by!: string;

  @ApiProperty({ format: 'date-time' })
  splitAt!: string;
}

class GroupResponse implements GroupView {
  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ example: 'power-outage' })
  category!: string;

  @ApiProperty({ type: String, nullable: true, example: 'FULING' })
  unit!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'FUKOU_TOWN' })
  town!: string | null;

  @ApiProperty({ format: 'uuid' })
  leadPetitionId!: string;

  @ApiProperty({ minimum: 1 })
  memberCount!: number;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when a report bridged this group and an older one of the same matter: its members moved there.',
  })
  mergedIntoGroupId!: string | null;

  @ApiProperty({ type: [GroupMemberResponse], description: 'In join order.' })
  members!: GroupMemberView[];

  @ApiProperty({ type: [GroupSplitResponse], description: 'Petitions split out of it, oldest first.' })
  splits!: GroupSplitView[];
}

const UNAUTHENTICATED = 'UNAUTHENTICATED: no `Authorization: Bearer <token>`, or a token INTAKE_OPERATOR_TOKENS lacks.';

/** The OpenAPI description of `GET /admin/groups/{groupId}`. */
export function ApiViewGroup(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ApiBearerAuth(OPERATOR_BEARER),
    ApiOperation({
      summary: 'A group of petitions about one matter (operators)',
      description: 'Its members in join order, the lead, each member’s similarity, and what was split out of it.',
    }),
    ApiParam({ name: 'groupId', format: 'uuid' }),
    ApiOkResponse({ type: GroupResponse }),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: UNAUTHENTICATED }),
    ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no group has this id.' }),
  );
}

/** The OpenAPI description of `POST /admin/groups/{groupId}/split`. */
export function ApiSplitGroup(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ApiBearerAuth(OPERATOR_BEARER),
    ApiOperation({
      summary: 'Split a petition out of a group it does not belong to (operators)',
      description:
        'The petition goes on alone and never rejoins this group by itself; splitting the lead makes the next ' +
        'member (by join order) the lead. Emits `petition.ungrouped` with the operator’s id. Splitting a petition ' +
        'already split out of this group answers the group as it is.',
    }),
    ApiParam({ name: 'groupId', format: 'uuid' }),
    ApiOkResponse({ type: GroupResponse, description: 'The group after the split.' }),
    ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: each bad field and why.' }),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: UNAUTHENTICATED }),
    ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no group has this id.' }),
    ApiConflictResponse({
      type: ErrorResponse,
      description: 'CONFLICT: the petition is not a member of the group, or it is its last member.',
    }),
  );
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IntakeHttpError } from '../http/intake-http.error';
import { GroupAdminService } from './group-admin.service';
import type { GroupView } from './group-view';
import { ApiSplitGroup, ApiViewGroup } from './groups.openapi';
import { OperatorId, OperatorTokenGuard } from './operator-auth/operator-token.guard';
import { SplitPetitionDto } from './split-petition.dto';

/** An id that is not a UUID names no group: the same answer as an unknown one. */
const GROUP_ID = new ParseUUIDPipe({
  exceptionFactory: () => new IntakeHttpError('NOT_FOUND', 'no group has this id'),
});

@ApiTags('operators')
@Controller('admin/groups')
@UseGuards(OperatorTokenGuard)
export class GroupsController {
  constructor(private readonly admin: GroupAdminService) {}

  @Get(':groupId')
  @ApiViewGroup()
  view(@Param('groupId', GROUP_ID) groupId: string): Promise<GroupView> {
    return this.admin.view(groupId);
  }

  @Post(':groupId/split')
  @HttpCode(HttpStatus.OK)
  @ApiSplitGroup()
  split(
    @Param('groupId', GROUP_ID) groupId: string,
    @Body() body: SplitPetitionDto,
    @OperatorId() operatorId: string,
  ): Promise<GroupView> {
    return this.admin.split(groupId, { ...body, operatorId });
  }
}

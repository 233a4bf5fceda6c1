import { Module } from '@nestjs/common';
import { IntakeConfig } from '../config';
import { GroupAdminService } from './group-admin.service';
import { GroupRepository } from './group.repository';
import { GroupingPolicy } from './grouping-policy';
import { GroupingService } from './grouping.service';
import { GroupsController } from './groups.controller';
import { OperatorTokenGuard } from './operator-auth/operator-token.guard';
import { OperatorTokens } from './operator-auth/operator-tokens';

/**
 * Same matter, many reporters: groups the petitions about one matter when routing assigns them (GroupingService,
 * called by the routing-events consumer), lets operators look at a group and split a petition out of it, and tells
 * others which petitions share a group (GroupRepository.fellowMembersOf, groupSizeOf).
 */
@Module({
  controllers: [GroupsController],
  providers: [
    GroupRepository,
    GroupingService,
    GroupAdminService,
    OperatorTokenGuard,
    {
      provide: GroupingPolicy,
      useFactory: (config: IntakeConfig) =>
        GroupingPolicy.of(config.INTAKE_GROUPING_WINDOW_HOURS, config.INTAKE_GROUPING_MIN_SIMILARITY),
      inject: [IntakeConfig],
    },
    {
      provide: OperatorTokens,
      useFactory: (config: IntakeConfig) => OperatorTokens.fromConfig(config.INTAKE_OPERATOR_TOKENS),
      inject: [IntakeConfig],
    },
  ],
  exports: [GroupingService, GroupRepository],
})
export class GroupingModule {}

import { Inject, Injectable } from '@nestjs/common';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, lockForTransaction, UnitOfWork, type Clock } from '@petitions/platform';
import { IntakeHttpError } from '../http/intake-http.error';
import { GroupSplitEntity, type PetitionGroupEntity } from './group.entity';
import { GroupRepository } from './group.repository';
import { splitOutcome } from './group-split';
import type { GroupView } from './group-view';
import { matterLockKey } from './grouping.service';
import { roundSimilarity } from './text-similarity';

/** What operators do with groups: look at one, split a petition out of one it does not belong to. */
@Injectable()
export class GroupAdminService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly groups: GroupRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async view(groupId: string): Promise<GroupView> {
    const group = await this.groups.findGroup(groupId);
    if (!group) throw new IntakeHttpError('NOT_FOUND', 'no group has this id');
    return this.viewOf(group);
  }

  /**
   * Takes the petition out of the group, promotes the next member if it led, records who did it and why, and
   * announces `petition.ungrouped`: all in one transaction, under the lock grouping takes for the group's matter.
   * Splitting a petition already split out of this group answers the group as it is (a retried request).
   */
  split(groupId: string, command: { petitionId: string; reason: string; operatorId: string }): Promise<GroupView> {
    return this.unitOfWork.run(async () => {
      const found = await this.groups.findGroup(groupId);
      if (!found) throw new IntakeHttpError('NOT_FOUND', 'no group has this id');
      await lockForTransaction(this.unitOfWork, matterLockKey(found.scope, found.category));
      if (await this.groups.hasSplit(groupId, command.petitionId)) return this.view(groupId);
      const group = await this.groups.findGroup(groupId);
      if (!group) throw new Error(`group ${groupId} vanished under its lock`);
      const members = await this.groups.members(groupId);
      const outcome = splitOutcome({ leadPetitionId: group.leadPetitionId, members }, command.petitionId);
      if (!outcome.ok) {
        throw outcome.problem === 'not-a-member'
          ? new IntakeHttpError('CONFLICT', 'the petition is not a member of this group')
          : new IntakeHttpError('CONFLICT', 'the petition is the last member of this group: nothing to split it from');
      }
      const at = this.clock.now();
      await this.groups.split(
        Object.assign(new GroupSplitEntity(), {
          groupId,
          petitionId: command.petitionId,
          reason: command.reason,
          operatorId: command.operatorId,
          splitAt: at,
        }),
      );
      const after = await this.groups.refreshGroup(groupId, outcome.leadPetitionId);
      await this.outbox.append([
        this.events.create(
          'petition.ungrouped',
          {
            groupId,
            petitionId: command.petitionId,
            reason: command.reason,
            by: command.operatorId,
            leadPetitionId: after.leadPetitionId,
            memberCount: after.memberCount,
            ungroupedAt: at.toISOString(),
          },
          { key: command.petitionId, petitionId: command.petitionId },
        ),
      ]);
      return this.viewOf(after);
    });
  }

  private async viewOf(group: PetitionGroupEntity): Promise<GroupView> {
    // One after the other: inside a split's transaction the queries share one connection.
    const members = await this.groups.members(group.id);
    const splits = await this.groups.splits(group.id);
    return {
      groupId: group.id,
      category: group.category,
      unit: group.unit,
      town: group.town,
      leadPetitionId: group.leadPetitionId,
      memberCount: group.memberCount,
      openedAt: group.openedAt.toISOString(),
      mergedIntoGroupId: group.mergedIntoGroupId,
      members: members.map((member) => ({
        petitionId: member.petitionId,
        trackingCode: member.trackingCode,
        lead: member.petitionId === group.leadPetitionId,
        text: member.text,
        receivedAt: member.receivedAt.toISOString(),
        joinedAt: member.joinedAt.toISOString(),
        similarity: roundSimilarity(member.similarity),
      })),
      splits: splits.map((split) => ({
        petitionId: split.petitionId,
        reason: split.reason,
        by: split.operatorId,
        splitAt: split.splitAt.toISOString(),
      })),
    };
  }
}

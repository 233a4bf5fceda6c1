import { Inject, Injectable, Logger } from '@nestjs/common';
import { newEventId, type EventEnvelope, type PetitionAssignedV1 } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, lockForTransaction, UnitOfWork, type Clock } from '@petitions/platform';
import { MatterPetitionEntity, PetitionGroupEntity } from './group.entity';
import { GroupRepository } from './group.repository';
import { decideGrouping, type GroupingDecision, type Joiner } from './grouping-decision';
import { GroupingPolicy } from './grouping-policy';
import { matterScopeOf, type MatterScope } from './matter-scope';
import { roundSimilarity } from './text-similarity';

/** Serialises grouping decisions about one scope and category across replicas (and against operators' splits). */
export function matterLockKey(scope: string, category: string): string {
  return `intake:matter:${scope}:${category}`;
}

@Injectable()
export class GroupingService {
  private readonly logger = new Logger(GroupingService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly groups: GroupRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly policy: GroupingPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Once routing has assigned a petition (its category is known), puts it with the petitions about the same matter,
   * if any. Runs in the consumer's transaction, under a lock per scope and category, so that two replicas assigning
   * two reports of one matter at once see each other: the second waits, then finds the first. Looks at each
   * petition once: a later assignment (a transfer) does not regroup it.
   */
  async consider(envelope: EventEnvelope, assignment: PetitionAssignedV1): Promise<void> {
    const petition = await this.groups.petitionToGroup(assignment.petitionId);
    if (!petition) return; // another system's petition on a shared broker: the tracking projection skipped it too
    const scope = matterScopeOf(petition);
    if (!scope) return; // no place, no matter to share
    await lockForTransaction(this.unitOfWork, matterLockKey(scope.key, assignment.category));
    const considered = Object.assign(new MatterPetitionEntity(), {
      petitionId: petition.id,
      scope: scope.key,
      category: assignment.category,
      receivedAt: petition.receivedAt,
      groupId: null,
      ordinal: null,
      similarity: null,
      joinedAt: null,
    });
    if (!(await this.groups.startConsidering(considered))) return;
    const window = this.policy.windowMs;
    const query = {
      scope: scope.key,
      category: assignment.category,
      from: new Date(petition.receivedAt.getTime() - window),
      to: new Date(petition.receivedAt.getTime() + window),
      excluding: petition.id,
    };
    // One after the other: a transaction's queries share one connection.
    const groups = await this.groups.candidateGroups(query);
    const loners = await this.groups.loners(query);
    const decision = decideGrouping(
      {
        petition: { ...petition, petitionId: petition.id, scope: scope.key, category: assignment.category },
        needsSharedPlace: scope.needsSharedPlace,
        groups,
        loners,
      },
      this.policy,
      this.clock.now(),
    );
    await this.apply(decision, { scope, category: assignment.category, cause: envelope });
  }

  private async apply(
    decision: GroupingDecision,
    context: { scope: MatterScope; category: string; cause: EventEnvelope },
  ): Promise<void> {
    if (decision.kind === 'alone') return;
    let groupId: string;
    let leadPetitionId: string;
    let moved: Joiner[] = [];
    if (decision.kind === 'open') {
      groupId = newEventId();
      leadPetitionId = decision.leadPetitionId;
      await this.groups.createGroup(
        Object.assign(new PetitionGroupEntity(), {
          id: groupId,
          scope: context.scope.key,
          category: context.category,
          unit: context.scope.unit,
          town: context.scope.town,
          leadPetitionId,
          memberCount: 0,
          firstReceivedAt: decision.at,
          lastReceivedAt: decision.at,
          openedAt: decision.at,
          mergedIntoGroupId: null,
        }),
      );
    } else {
      groupId = decision.groupId;
      const group = await this.groups.findGroup(groupId);
      if (!group) throw new Error(`group ${groupId} vanished under its lock`);
      leadPetitionId = group.leadPetitionId;
      // The absorbed groups' members were reported before this petition: they join the survivor first.
      moved = await this.groups.absorb(groupId, decision.absorbedGroupIds);
      for (const absorbed of decision.absorbedGroupIds) this.logger.log(`group ${absorbed} merged into ${groupId}`);
    }
    await this.groups.addMembers(groupId, decision.joiners, decision.at);
    const group = await this.groups.refreshGroup(groupId, leadPetitionId);
    this.logger.log(`group ${groupId} (${context.scope.key}, ${context.category}): ${group.memberCount} petitions`);
    await this.announce(group, [...moved, ...decision.joiners], decision.at, context.cause);
  }

  /**
   * One `petition.grouped` per joiner (and per member moved in from a merged group: its latest `petition.grouped`
   * names its group), each keyed by its own petition; memberCount counts up to the group's size.
   */
  private async announce(
    group: PetitionGroupEntity,
    joiners: readonly Joiner[],
    at: Date,
    cause: EventEnvelope,
  ): Promise<void> {
    const before = group.memberCount - joiners.length;
    await this.outbox.append(
      joiners.map((joiner, index) =>
        this.events.create(
          'petition.grouped',
          {
            groupId: group.id,
            petitionId: joiner.petitionId,
            leadPetitionId: group.leadPetitionId,
            memberCount: Math.max(2, before + index + 1),
            category: group.category,
            ...(group.unit ? { unit: group.unit } : {}),
            ...(group.town ? { town: group.town } : {}),
            similarity: roundSimilarity(joiner.similarity),
            groupedAt: at.toISOString(),
          },
          // The assignment caused it; the event is about the joiner, whichever petition's assignment that was.
          { key: joiner.petitionId, petitionId: joiner.petitionId, cause },
        ),
      ),
    );
  }
}

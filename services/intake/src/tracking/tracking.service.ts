import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@petitions/contracts';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { GroupRepository } from '../grouping/group.repository';
import { IntakeHttpError } from '../http/intake-http.error';
import { parseTrackingCode } from '../petitions/tracking-code';
import { evolveStatus, NO_FACTS, statusOf, timelineEntryOf, type TrackedEvent } from './petition-status';
import { PetitionStatusEntity, PetitionTimelineEntity } from './tracking.entity';
import { TrackingRepository } from './tracking.repository';
import { trackingViewOf, type PetitionTracking } from './tracking-view';

@Injectable()
export class TrackingService {
  private readonly logger = new Logger(TrackingService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tracking: TrackingRepository,
    private readonly groups: GroupRepository,
  ) {}

  /**
   * Folds an event from routing, a department or deadline-tracking into the petition's status and timeline. Runs in
   * the consumer's transaction (the inbox keeps it once per event); the petition lock serialises the three topics'
   * consumers, whose read-fold-write on the same row would otherwise lose one another's facts.
   */
  async record(envelope: EventEnvelope, event: TrackedEvent): Promise<void> {
    const petitionId = event.payload.petitionId;
    await lockForTransaction(this.unitOfWork, `intake:petition:${petitionId}`);
    // Intake stores a petition before announcing it, so an unknown id is another system's petition on a shared
    // broker (another environment or test run): nothing a citizen could look up here.
    if (!(await this.tracking.holdsPetition(petitionId))) {
      this.logger.debug(`${event.type} ${envelope.eventId} is about petition ${petitionId}, unknown here: skipped`);
      return;
    }
    const held = await this.tracking.status(petitionId);
    const facts = evolveStatus(held ?? NO_FACTS, event);
    await this.tracking.saveStatus(
      Object.assign(new PetitionStatusEntity(), facts, { petitionId, status: statusOf(facts) }),
    );
    const entry = timelineEntryOf(event);
    if (entry) {
      await this.tracking.appendToTimeline(
        Object.assign(new PetitionTimelineEntity(), entry, { eventId: envelope.eventId, petitionId }),
      );
    }
  }

  /** The public view of the petition with this tracking code; NOT_FOUND for an unknown or malformed code. */
  async lookUp(trackingCode: string): Promise<PetitionTracking> {
    const code = parseTrackingCode(trackingCode);
    const petition = code !== null ? await this.tracking.findByTrackingCode(code) : null;
    if (!petition) throw new IntakeHttpError('NOT_FOUND', 'no petition has this tracking code');
    const [status, timeline, groupSize] = await Promise.all([
      this.tracking.status(petition.id),
      this.tracking.timeline(petition.id),
      this.groups.groupSizeOf(petition.id),
    ]);
    return trackingViewOf({
      trackingCode: petition.trackingCode,
      receivedAt: petition.receivedAt,
      facts: status ?? NO_FACTS,
      timeline,
      groupSize,
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@petitions/contracts';
import { lockForTransaction, UnitOfWork } from '@petitions/platform';
import { IntakeHttpError } from '../http/intake-http.error';
import { parseTrackingCode } from '../petitions/tracking-code';
import {
  evolveStatus,
  NO_FACTS,
  statusOf,
  timelineEntryOf,
  timelineNoteOf,
  type StatusFacts,
  type TrackedEvent,
} from './petition-status';
import { PetitionStatusEntity, PetitionTimelineEntity } from './tracking.entity';
import { TrackingRepository } from './tracking.repository';
import { trackingViewOf, type PetitionTracking } from './tracking-view';

/** The facts before and after an event was folded in: what the citizen may be told depends on what changed. */
export interface StatusChange {
  before: Readonly<StatusFacts>;
  after: Readonly<StatusFacts>;
}

@Injectable()
export class TrackingService {
  private readonly logger = new Logger(TrackingService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly tracking: TrackingRepository,
  ) {}

  /**
   * Folds an event from routing, a department or deadline-tracking (or intake's own) into the petition's status and
   * timeline; null when intake does not hold the petition. Runs in the caller's transaction (a consumer's: the inbox
   * keeps it once per event); the petition lock serialises the topics' consumers, whose read-fold-write on the same
   * row would otherwise lose one another's facts.
   */
  async record(envelope: EventEnvelope, event: TrackedEvent): Promise<StatusChange | null> {
    const petitionId = event.payload.petitionId;
    const before = await this.lockedFacts(petitionId);
    if (!before) {
      this.logger.debug(`${event.type} ${envelope.eventId} is about petition ${petitionId}, unknown here: skipped`);
      return null;
    }
    const after = evolveStatus(before, event);
    await this.tracking.saveStatus(
      Object.assign(new PetitionStatusEntity(), after, { petitionId, status: statusOf(after) }),
    );
    const entry = timelineEntryOf(event);
    if (entry) {
      await this.tracking.appendToTimeline(
        Object.assign(new PetitionTimelineEntity(), entry, {
          eventId: envelope.eventId,
          petitionId,
          note: timelineNoteOf(event),
        }),
      );
    }
    return { before, after };
  }

  /**
   * The petition's facts, locked (`intake:petition:<id>`) until the transaction ends; null when intake does not hold
   * the petition. Intake stores a petition before announcing it, so an unknown id is another system's petition on a
   * shared broker (another environment or test run): nothing a citizen could look up here.
   */
  async lockedFacts(petitionId: string): Promise<Readonly<StatusFacts> | null> {
    await lockForTransaction(this.unitOfWork, `intake:petition:${petitionId}`);
    if (!(await this.tracking.holdsPetition(petitionId))) return null;
    return (await this.tracking.status(petitionId)) ?? NO_FACTS;
  }

  /** The public view of the petition with this tracking code; NOT_FOUND for an unknown or malformed code. */
  async lookUp(trackingCode: string): Promise<PetitionTracking> {
    const code = parseTrackingCode(trackingCode);
    const petition = code !== null ? await this.tracking.findByTrackingCode(code) : null;
    if (!petition) throw new IntakeHttpError('NOT_FOUND', 'no petition has this tracking code');
    const [status, timeline] = await Promise.all([
      this.tracking.status(petition.id),
      this.tracking.timeline(petition.id),
    ]);
    return trackingViewOf({
      trackingCode: petition.trackingCode,
      receivedAt: petition.receivedAt,
      facts: status ?? NO_FACTS,
      timeline,
    });
  }
}

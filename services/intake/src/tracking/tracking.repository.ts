import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { PetitionEntity } from '../petitions/petition.entity';
import type { TimelineEntry } from './petition-status';
import { PetitionStatusEntity, PetitionTimelineEntity } from './tracking.entity';

/** The little of a petition that its public lookup may show; the reporter's columns are never even read. */
export interface TrackedPetition {
  id: string;
  trackingCode: string;
  receivedAt: Date;
}

@Injectable()
export class TrackingRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  findByTrackingCode(trackingCode: string): Promise<TrackedPetition | null> {
    return this.unitOfWork.reader().findOne(PetitionEntity, {
      select: { id: true, trackingCode: true, receivedAt: true },
      where: { trackingCode },
    });
  }

  async holdsPetition(petitionId: string): Promise<boolean> {
    return this.unitOfWork.reader().exists(PetitionEntity, { where: { id: petitionId } });
  }

  status(petitionId: string): Promise<PetitionStatusEntity | null> {
    return this.unitOfWork.reader().findOne(PetitionStatusEntity, { where: { petitionId } });
  }

  async saveStatus(status: PetitionStatusEntity): Promise<void> {
    await this.unitOfWork.transactional().save(PetitionStatusEntity, status);
  }

  /** Once per event: a redelivered event finds its row already there. */
  async appendToTimeline(entry: PetitionTimelineEntity): Promise<void> {
    await this.unitOfWork
      .transactional()
      .createQueryBuilder()
      .insert()
      .into(PetitionTimelineEntity)
      .values(entry)
      .orIgnore()
      .execute();
  }

  async timeline(petitionId: string): Promise<TimelineEntry[]> {
    const rows = await this.unitOfWork
      .reader()
      .find(PetitionTimelineEntity, { where: { petitionId }, order: { at: 'ASC', eventId: 'ASC' } });
    return rows.map(({ at, event, departmentCode }) => ({ at, event, departmentCode }));
  }
}

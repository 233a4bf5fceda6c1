import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@petitions/platform';
import { TrainingLabelEntity } from './training-label.entity';

/** Which source's label wins: an outcome (the department that finally resolved it) over an operator's decision. */
const PRECEDENCE: Record<TrainingLabelEntity['source'], number> = { triage: 1, review: 1, outcome: 2 };

@Injectable()
export class TrainingLabelRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Stores a label unless the petition already has one from a stronger source. */
  async record(label: TrainingLabelEntity): Promise<void> {
    const manager = this.unitOfWork.transactional();
    const existing = await manager.findOne(TrainingLabelEntity, { where: { petitionId: label.petitionId } });
    if (existing && PRECEDENCE[existing.source] > PRECEDENCE[label.source]) return;
    await manager.save(TrainingLabelEntity, label);
  }

  all(): Promise<TrainingLabelEntity[]> {
    return this.unitOfWork.reader().find(TrainingLabelEntity, { order: { labelledAt: 'ASC', petitionId: 'ASC' } });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@petitions/platform';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { trainingLabel } from './training-label';
import { TrainingLabelRepository } from './training-label.repository';

/**
 * Learning from outcomes: when the primary department resolves a petition, the departments it finally went to
 * (after transfers and triage) are its training label, replacing an operator's earlier one.
 */
@Injectable()
export class OutcomeLabels {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly labels: TrainingLabelRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onResolved(petitionId: string, departmentCode: string): Promise<void> {
    const assignment = await this.assignments.findByPetition(petitionId);
    const petition = await this.petitions.find(petitionId);
    if (!assignment || !petition || assignment.departmentCode !== departmentCode) return;
    await this.labels.record(
      trainingLabel({
        petition,
        decision: assignment,
        source: 'outcome',
        labelledBy: departmentCode,
        labelledAt: this.clock.now(),
      }),
    );
  }
}

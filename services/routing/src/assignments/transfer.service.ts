import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DepartmentTransferRequestedV1 } from '@petitions/contracts';
import { EventFactory, type IncomingEvent, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock, lockForTransaction, UnitOfWork } from '@petitions/platform';
import { placeKindOf, placeKindsOf } from '../classifier';
import { catalogueCategory, TERRITORIAL } from '../decisions/routing-decision';
import { decideTransfer } from '../decisions/transfer-decision';
import { DistrictService } from '../district/district.service';
import { ModelService } from '../model/model.service';
import { RoutedPetitionRepository } from '../petitions/routed-petition.repository';
import { AssignmentRepository } from './assignment.repository';
import { type NewDepartments, ReassignmentService } from './reassignment.service';

/**
 * Transfer requests without buck-passing (退回): re-route away from every department that returned the petition and
 * record the chain; at the second return, or A → B → A, the first receiver keeps it (首接负责制), it becomes complex
 * and goes to district coordination.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger(TransferService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly assignments: AssignmentRepository,
    private readonly petitions: RoutedPetitionRepository,
    private readonly reassigner: ReassignmentService,
    private readonly districts: DistrictService,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly models: ModelService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onRequested({ envelope, payload }: IncomingEvent<DepartmentTransferRequestedV1>): Promise<void> {
    await lockForTransaction(this.unitOfWork, `routing:petition:${payload.petitionId}`);
    const assignment = await this.assignments.findByPetition(payload.petitionId);
    const petition = await this.petitions.find(payload.petitionId);
    if (!assignment || !petition) {
      this.logger.warn(`transfer request for ${payload.petitionId}, which routing has not assigned: ignored`);
      return;
    }
    const { district } = await this.districts.current();
    const now = this.clock.now();
    const location = { town: petition.town ?? undefined, unit: petition.unit ?? undefined };
    const ranking = (await this.models.current()).rank(petition.text, {
      channel: petition.channel,
      ...location,
      unitKind: placeKindOf(location, placeKindsOf(district)),
    });
    const decision = decideTransfer(
      {
        firstDepartment: assignment.firstDepartment ?? assignment.departmentCode,
        currentDepartment: assignment.departmentCode,
        returnedBy: assignment.returnedBy,
        heldSince: assignment.heldSince ?? assignment.assignedAt,
        coordinated: assignment.coordinatedAt !== null,
      },
      { from: payload.departmentCode, reason: payload.reason, suggested: payload.suggestedDepartment, at: now },
      {
        ranking: ranking.map(({ code }) => code).filter((code) => code !== TERRITORIAL || petition.town !== null),
        departments: district.departments.map((department) => department.code),
      },
    );
    if (decision.kind === 'ignore') {
      this.logger.warn(`transfer request for ${payload.petitionId} from ${payload.departmentCode}: ${decision.why}`);
      return;
    }
    assignment.returnedBy = decision.returnedBy;
    const to = decision.kind === 'transfer' ? decision.to : decision.keptBy;
    const coDepartments = assignment.coDepartments.filter((code) => code !== to && !decision.returnedBy.includes(code));
    const moved: NewDepartments = {
      departmentCode: to,
      coDepartments,
      category: to === assignment.departmentCode ? assignment.category : catalogueCategory(district, '', to),
      complexity: decision.kind === 'coordinate' ? 'complex' : assignment.complexity,
      urgent: assignment.urgent,
      ...([to, ...coDepartments].includes(TERRITORIAL) && petition.town ? { handlingTown: petition.town } : {}),
    };
    if (decision.kind === 'coordinate') assignment.coordinatedAt = now;
    if (decision.kind === 'transfer' || decision.step) {
      await this.reassigner.reassign({
        assignment,
        to: moved,
        cause: decision.kind === 'transfer' ? 'transfer' : 'coordination',
        reason: decision.step?.reason ?? payload.reason,
        ...(decision.step ? { step: decision.step } : {}),
        triggeredBy: envelope,
      });
    } else {
      await this.assignments.save(Object.assign(assignment, { complexity: moved.complexity }));
    }
    if (decision.kind === 'coordinate') {
      await this.outbox.append([
        this.events.create(
          'petition.coordination-required',
          {
            petitionId: payload.petitionId,
            departmentCode: decision.keptBy,
            trigger: decision.trigger,
            returnedBy: decision.returnedBy,
            chain: assignment.chain,
            requiredAt: now.toISOString(),
          },
          { key: payload.petitionId, cause: envelope },
        ),
      ]);
    }
  }
}

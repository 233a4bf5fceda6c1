import { Inject, Injectable } from '@nestjs/common';
import { deptAssignmentsTopic, type PetitionReceivedV1 } from '@petitions/contracts';
import { resolveWithinDays } from '@petitions/district';
import { EventFactory, Outbox, type IncomingEvent } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import { AssignmentEntity } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';
import { routePetition } from './routing-rules';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class AssignmentService {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Decides the department, stores the decision, and issues the work orders (one per department involved). */
  async assign({ envelope, payload }: IncomingEvent<PetitionReceivedV1>): Promise<void> {
    const decision = routePetition(payload.text);
    const assignedAt = this.clock.now();
    const assignment = Object.assign(new AssignmentEntity(), {
      petitionId: payload.petitionId,
      ...decision,
      assignedAt,
    });
    if (!(await this.assignments.insertIfNew(assignment))) return;

    const location = {
      ...(payload.town ? { town: payload.town } : {}),
      ...(payload.unit ? { unit: payload.unit } : {}),
    };
    const options = { key: payload.petitionId, cause: envelope };
    const resolveBy = new Date(Date.parse(payload.receivedAt) + resolveWithinDays(decision.complexity) * DAY_MS);
    const workOrders = [decision.departmentCode, ...decision.coDepartments].map((departmentCode, index) =>
      this.events.create(
        'work-order.issued',
        {
          petitionId: payload.petitionId,
          departmentCode,
          role: index === 0 ? 'primary' : 'co',
          summary: payload.text,
          category: decision.category,
          ...location,
          complexity: decision.complexity,
          urgent: decision.urgent,
          coDepartments: decision.coDepartments,
          resolveBy: resolveBy.toISOString(),
          issuedAt: assignedAt.toISOString(),
        },
        { ...options, topic: deptAssignmentsTopic(departmentCode) },
      ),
    );
    await this.outbox.append([
      this.events.create(
        'petition.assigned',
        {
          petitionId: payload.petitionId,
          departmentCode: decision.departmentCode,
          coDepartments: decision.coDepartments,
          category: decision.category,
          complexity: decision.complexity,
          urgent: decision.urgent,
          ...location,
          reason: decision.reason,
          receivedAt: payload.receivedAt,
          assignedAt: assignedAt.toISOString(),
        },
        options,
      ),
      ...workOrders,
    ]);
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { DepartmentAcknowledgedV1, DepartmentResolvedV1, PetitionAssignedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { ClockService, type Reopening } from './clock.service';

@Controller()
export class ClockEventsConsumer {
  constructor(private readonly clocks: ClockService) {}

  @EventPattern('petition.assigned')
  onAssigned(@Payload() event: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    return this.clocks.assign(event);
  }

  @EventPattern('department.acknowledged')
  onAcknowledged(@Payload() event: IncomingEvent<DepartmentAcknowledgedV1>): Promise<void> {
    return this.clocks.acknowledge(event);
  }

  @EventPattern('department.resolved')
  onResolved(@Payload() event: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    return this.clocks.resolve(event);
  }

  /**
   * `petition.reopened` v1 (intake, petition.events) is not in this branch's contracts yet (it comes with intake's
   * talk-back work): once it is, this gets `@EventPattern('petition.reopened')` and tests/support/system.ts lists
   * petition.events for deadline-tracking. Until then reopen clocks are armed only through this method.
   */
  onReopened(event: IncomingEvent<Reopening>): Promise<void> {
    return this.clocks.reopen(event.payload, event.envelope);
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { DepartmentResolvedV1, PetitionAssignedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { ClockService } from './clock.service';

@Controller()
export class ClockEventsConsumer {
  constructor(private readonly clocks: ClockService) {}

  @EventPattern('petition.assigned')
  onAssigned(@Payload() event: IncomingEvent<PetitionAssignedV1>): Promise<void> {
    return this.clocks.arm(event);
  }

  @EventPattern('department.resolved')
  onResolved(@Payload() event: IncomingEvent<DepartmentResolvedV1>): Promise<void> {
    return this.clocks.resolve(event);
  }
}

import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionReceivedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { AssignmentService } from './assignment.service';

@Controller()
export class PetitionEventsConsumer {
  constructor(private readonly assignments: AssignmentService) {}

  @EventPattern('petition.received')
  onReceived(@Payload() event: IncomingEvent<PetitionReceivedV1>): Promise<void> {
    return this.assignments.onReceived(event);
  }
}

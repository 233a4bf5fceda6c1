import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PetitionReviewedV1 } from '@petitions/contracts';
import type { IncomingEvent } from '@petitions/messaging';
import { PublicationService } from './publication.service';

@Controller()
export class ReviewedPetitionsConsumer {
  constructor(private readonly publication: PublicationService) {}

  @EventPattern('petition.reviewed')
  onReviewed(@Payload() event: IncomingEvent<PetitionReviewedV1>): Promise<void> {
    return this.publication.publish(event);
  }
}

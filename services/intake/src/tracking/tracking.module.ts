import { Module } from '@nestjs/common';
import { OutboundModule } from '../outbound/outbound.module';
import { DeadlineEventsConsumer } from './deadline-events.consumer';
import { DepartmentResponsesConsumer } from './department-responses.consumer';
import { PetitionEventsConsumer } from './petition-events.consumer';
import { RoutingEventsConsumer } from './routing-events.consumer';
import { TrackingController } from './tracking.controller';
import { TrackingRepository } from './tracking.repository';
import { TrackingService } from './tracking.service';

/**
 * A citizen's view of their petition: a status projection folded from the topics, looked up by tracking code; the
 * consumers also have the citizen told (OutboundModule) what the folded events call for.
 */
@Module({
  imports: [OutboundModule],
  controllers: [
    TrackingController,
    PetitionEventsConsumer,
    RoutingEventsConsumer,
    DepartmentResponsesConsumer,
    DeadlineEventsConsumer,
  ],
  providers: [TrackingRepository, TrackingService],
  exports: [TrackingService],
})
export class TrackingModule {}

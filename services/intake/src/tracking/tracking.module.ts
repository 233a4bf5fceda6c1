import { Module } from '@nestjs/common';
import { GroupingModule } from '../grouping/grouping.module';
import { DeadlineEventsConsumer } from './deadline-events.consumer';
import { DepartmentResponsesConsumer } from './department-responses.consumer';
import { RoutingEventsConsumer } from './routing-events.consumer';
import { TrackingController } from './tracking.controller';
import { TrackingRepository } from './tracking.repository';
import { TrackingService } from './tracking.service';

/** A citizen's view of their petition: a status projection folded from the topics, looked up by tracking code. */
@Module({
  imports: [GroupingModule],
  controllers: [TrackingController, RoutingEventsConsumer, DepartmentResponsesConsumer, DeadlineEventsConsumer],
  providers: [TrackingRepository, TrackingService],
})
export class TrackingModule {}

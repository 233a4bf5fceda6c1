import { Module } from '@nestjs/common';
import { AssignmentRepository } from './assignments/assignment.repository';
import { AssignmentService } from './assignments/assignment.service';
import { PetitionEventsConsumer } from './assignments/petition-events.consumer';

@Module({
  controllers: [PetitionEventsConsumer],
  providers: [AssignmentRepository, AssignmentService],
})
export class RoutingModule {}

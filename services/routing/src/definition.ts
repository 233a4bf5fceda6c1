import { deptAssignmentsTopic, Topics } from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import type { ServiceDefinition } from '@petitions/runtime';
import { AssignmentEntity } from './assignments/assignment.entity';
import { RoutingConfig } from './config';
import { routingMigrations } from './migrations';
import { RoutingModule } from './routing.module';

/** Routing: chooses the department for each petition and issues the departments' work orders. */
export const routingService: ServiceDefinition<RoutingConfig> = {
  name: 'routing',
  schema: 'routing',
  configClass: RoutingConfig,
  module: RoutingModule,
  entities: [AssignmentEntity],
  migrations: routingMigrations,
  producedTopics: [Topics.routingEvents, ...DEPARTMENT_CODES.map(deptAssignmentsTopic)],
};

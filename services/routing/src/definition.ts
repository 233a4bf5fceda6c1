import type { NestExpressApplication } from '@nestjs/platform-express';
import { deptAssignmentsTopic, Topics } from '@petitions/contracts';
import { DEPARTMENT_CODES, MAX_DISTRICT_FILE_BYTES } from '@petitions/district';
import type { ServiceDefinition } from '@petitions/runtime';
import { HttpAdapterHost } from '@nestjs/core';
import { AssignmentEntity } from './assignments/assignment.entity';
import { RoutingConfig } from './config';
import { DistrictVersionEntity } from './district/district-version.entity';
import { RoutingHttpErrorFilter } from './http/routing-http.error';
import { TrainingLabelEntity } from './labels/training-label.entity';
import { ModelVersionEntity } from './model/model-version.entity';
import { routingMigrations } from './migrations';
import { RoutedPetitionEntity } from './petitions/routed-petition.entity';
import { RoutingModule } from './routing.module';
import { TriageItemEntity } from './triage/triage-item.entity';
import { WorkOrderEntity } from './work-orders/work-order.entity';

/** Routing: chooses the department for each petition and issues the departments' work orders. */
export const routingService: ServiceDefinition<RoutingConfig> = {
  name: 'routing',
  schema: 'routing',
  configClass: RoutingConfig,
  module: RoutingModule,
  entities: [
    RoutedPetitionEntity,
    AssignmentEntity,
    WorkOrderEntity,
    TriageItemEntity,
    TrainingLabelEntity,
    DistrictVersionEntity,
    ModelVersionEntity,
  ],
  migrations: routingMigrations,
  producedTopics: [
    Topics.routingEvents,
    Topics.deptResponses,
    Topics.channelOutbound,
    ...DEPARTMENT_CODES.map(deptAssignmentsTopic),
  ],
  configureHttp(app) {
    const express = app as NestExpressApplication;
    // District files come as YAML (text) or JSON, larger than the default 100 KB body.
    express.useBodyParser('json', { limit: MAX_DISTRICT_FILE_BYTES });
    express.useBodyParser('text', {
      type: ['text/*', 'application/yaml', 'application/x-yaml'],
      limit: MAX_DISTRICT_FILE_BYTES,
    });
    // A global filter: body-parser errors and unknown routes never reach a controller's own filters.
    app.useGlobalFilters(new RoutingHttpErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  },
};

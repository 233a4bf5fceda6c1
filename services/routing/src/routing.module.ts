import { Module } from '@nestjs/common';
import { AssignmentRepository } from './assignments/assignment.repository';
import { AssignmentService } from './assignments/assignment.service';
import { PetitionEventsConsumer } from './assignments/petition-events.consumer';
import { ReassignmentService } from './assignments/reassignment.service';
import { TransferService } from './assignments/transfer.service';
import { DepartmentDesk } from './departments/department-desk.service';
import { DepartmentController } from './departments/department.controller';
import { DistrictAdminController } from './district/district-admin.controller';
import { DistrictRepository } from './district/district.repository';
import { DistrictService } from './district/district.service';
import { authenticatorProvider } from './http/authenticator.provider';
import { BearerGuard } from './http/bearer.guard';
import { DutyNotifier } from './jurisdiction/duty-notifier';
import { ModelAdminController } from './model/model-admin.controller';
import { ModelRepository } from './model/model.repository';
import { ModelService } from './model/model.service';
import { OutcomeLabels } from './labels/outcome-labels';
import { TrainingLabelRepository } from './labels/training-label.repository';
import { RoutedPetitionRepository } from './petitions/routed-petition.repository';
import { TriageQueue } from './triage/triage-queue';
import { TriageController } from './triage/triage.controller';
import { TriageRepository } from './triage/triage.repository';
import { TriageService } from './triage/triage.service';
import { AcknowledgementScanner } from './work-orders/acknowledgement.scanner';
import { DeptResponsesConsumer } from './work-orders/dept-responses.consumer';
import { EscalationService } from './work-orders/escalation.service';
import { WorkOrderRepository } from './work-orders/work-order.repository';
import { WorkOrderService } from './work-orders/work-order.service';

@Module({
  controllers: [
    PetitionEventsConsumer,
    DeptResponsesConsumer,
    TriageController,
    DistrictAdminController,
    DepartmentController,
    ModelAdminController,
  ],
  providers: [
    ModelRepository,
    ModelService,
    authenticatorProvider,
    BearerGuard,
    DistrictRepository,
    DistrictService,
    RoutedPetitionRepository,
    AssignmentRepository,
    AssignmentService,
    ReassignmentService,
    WorkOrderRepository,
    WorkOrderService,
    DutyNotifier,
    TriageRepository,
    TriageQueue,
    TriageService,
    TrainingLabelRepository,
    OutcomeLabels,
    TransferService,
    DepartmentDesk,
    EscalationService,
    AcknowledgementScanner,
  ],
})
export class RoutingModule {}

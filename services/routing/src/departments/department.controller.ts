import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Authorize, BearerGuard, CurrentPrincipal } from '../http/bearer.guard';
import type { Principal } from '../http/credentials';
import { RoutingHttpError, validBody } from '../http/routing-http.error';
import type { WorkOrderStatus } from '../work-orders/work-order.entity';
import { DepartmentDesk, type WorkOrderView } from './department-desk.service';

class Handled {
  /** The member of staff who answers (an official acting in office). */
  @IsOptional() @IsString() @Length(1, 100) handler?: string;
}
class ProgressBody extends Handled {
  @IsString() @Length(1, 4000) note!: string;
}
class ResolveBody extends Handled {
  @IsString() @Length(1, 4000) result!: string;
}
class TransferBody extends Handled {
  @IsString() @Length(1, 500) reason!: string;
  @IsOptional() @Matches(/^[A-Z][A-Z0-9_]*$/) suggestedDepartment?: string;
}
class ExtensionBody extends Handled {
  @IsString() @Length(1, 500) reason!: string;
  @IsInt() @Min(1) @Max(30) days!: number;
}

const STATUSES: readonly WorkOrderStatus[] = ['issued', 'acknowledged', 'resolved', 'withdrawn'];

function departmentOf(principal: Principal): Extract<Principal, { kind: 'department' }> {
  if (principal.kind !== 'department') throw new RoutingHttpError('FORBIDDEN', 'this token is not for department');
  return principal;
}

/**
 * A department system's HTTP API (its own bearer token): its work orders, and its answers to them, which go out on
 * `dept.responses`. 202: the answer is recorded and will be published.
 */
@Controller('department/work-orders')
@UseGuards(BearerGuard)
@Authorize('department')
export class DepartmentController {
  constructor(private readonly desk: DepartmentDesk) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('status') status?: string,
  ): Promise<{ workOrders: WorkOrderView[] }> {
    const statuses = status?.split(',');
    if (statuses?.some((candidate) => !STATUSES.includes(candidate as WorkOrderStatus))) {
      throw new RoutingHttpError('VALIDATION_FAILED', `status must be a list of ${STATUSES.join(', ')}`);
    }
    return { workOrders: await this.desk.list(departmentOf(principal), statuses as WorkOrderStatus[] | undefined) };
  }

  @Get(':petitionId')
  show(
    @CurrentPrincipal() principal: Principal,
    @Param('petitionId', new ParseUUIDPipe()) petitionId: string,
  ): Promise<WorkOrderView> {
    return this.desk.show(departmentOf(principal), petitionId);
  }

  @Post(':petitionId/acknowledge')
  @HttpCode(202)
  acknowledge(
    @CurrentPrincipal() p: Principal,
    @Param('petitionId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ): Promise<{ eventId: string }> {
    return this.desk.answer(departmentOf(p), id, 'department.acknowledged', validBody(Handled, body ?? {}));
  }

  @Post(':petitionId/progress')
  @HttpCode(202)
  progress(
    @CurrentPrincipal() p: Principal,
    @Param('petitionId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ): Promise<{ eventId: string }> {
    return this.desk.answer(departmentOf(p), id, 'department.progress-reported', validBody(ProgressBody, body));
  }

  @Post(':petitionId/resolve')
  @HttpCode(202)
  resolve(
    @CurrentPrincipal() p: Principal,
    @Param('petitionId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ): Promise<{ eventId: string }> {
    return this.desk.answer(departmentOf(p), id, 'department.resolved', validBody(ResolveBody, body));
  }

  @Post(':petitionId/transfer')
  @HttpCode(202)
  transfer(
    @CurrentPrincipal() p: Principal,
    @Param('petitionId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ): Promise<{ eventId: string }> {
    return this.desk.answer(departmentOf(p), id, 'department.transfer-requested', validBody(TransferBody, body));
  }

  @Post(':petitionId/extension')
  @HttpCode(202)
  extension(
    @CurrentPrincipal() p: Principal,
    @Param('petitionId', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
  ): Promise<{ eventId: string }> {
    return this.desk.answer(departmentOf(p), id, 'department.extension-requested', validBody(ExtensionBody, body));
  }
}

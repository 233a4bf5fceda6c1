import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { COMPLEXITIES, type Complexity } from '@petitions/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Authorize, BearerGuard, CurrentPrincipal } from '../http/bearer.guard';
import type { Principal } from '../http/credentials';
import { validBody } from '../http/routing-http.error';
import { type TriageOutcome, TriageService, type TriageView } from './triage.service';

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** `POST /triage/{petitionId}/decision`: the department (or a category, which names one) and optional details. */
export class TriageDecisionBody {
  @IsOptional() @Matches(CODE) departmentCode?: string;
  @IsOptional() @IsString() @Length(1, 64) category?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(5) @Matches(CODE, { each: true }) coDepartments?: string[];
  @IsOptional() @IsIn(COMPLEXITIES) complexity?: Complexity;
  @IsOptional() @IsBoolean() urgent?: boolean;
  @IsOptional() @Matches(CODE) town?: string;
  @IsOptional() @IsString() @Length(1, 200) note?: string;
}

/** The operators' triage queue (分拨): bearer tokens with the `triage` role. */
@Controller('triage')
@UseGuards(BearerGuard)
@Authorize('triage')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  @Get()
  async list(): Promise<{ items: TriageView[] }> {
    return { items: await this.triage.queue() };
  }

  @Post(':petitionId/decision')
  @HttpCode(200)
  decide(
    @Param('petitionId', new ParseUUIDPipe()) petitionId: string,
    @Body() body: unknown,
    @CurrentPrincipal() operator: Principal,
  ): Promise<TriageOutcome> {
    return this.triage.decide(petitionId, validBody(TriageDecisionBody, body), operator.id);
  }
}

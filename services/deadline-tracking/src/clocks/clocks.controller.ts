import {
  Body,
  Catch,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
  ValidationPipe,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { PAUSE_REASONS, type PauseReason } from '@petitions/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ClockCommandError } from './clock-command.error';
import { ClockCommands } from './clock-commands.service';
import { ClockViews } from './clock-view';
import { APPROVER_LEVELS, type ApproverLevel } from './extension-rules';

const DEPARTMENT = /^[A-Z][A-Z0-9_]*$/;

export class PauseBody {
  @Matches(DEPARTMENT) departmentCode!: string;
  @IsIn(PAUSE_REASONS) reason!: PauseReason;
  @IsOptional() @IsString() @Length(1, 1000) comment?: string;
}
export class ResumeBody {
  @Matches(DEPARTMENT) departmentCode!: string;
}
export class ExtensionRequestBody {
  @Matches(DEPARTMENT) departmentCode!: string;
  @IsInt() @Min(1) @Max(30) days!: number;
  @IsString() @Length(1, 1000) reason!: string;
}
export class ExtensionDecisionBody {
  @IsBoolean() approved!: boolean;
  @IsString() @Length(1, 100) decidedBy!: string;
  @IsIn(APPROVER_LEVELS) level!: ApproverLevel;
  @IsOptional() @IsBoolean() allowAnother?: boolean;
}

/** Maps the clock commands' error codes to HTTP statuses, in the `{"error": {code, message}}` shape. */
@Catch(ClockCommandError)
export class ClockCommandErrorFilter implements ExceptionFilter {
  catch(error: ClockCommandError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<{ status(code: number): { json(body: unknown): void } }>()
      .status(error.status)
      .json({ error: { code: error.code, message: error.message } });
  }
}

const BODY = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const PETITION = new ParseUUIDPipe();

/**
 * The clocks' HTTP side: department systems and the level above act on a petition's current clock; anyone inside
 * may read it (its steps, extensions and who held it).
 */
@Controller('clocks/:petitionId')
@UseFilters(ClockCommandErrorFilter)
export class ClocksController {
  constructor(
    private readonly commands: ClockCommands,
    private readonly views: ClockViews,
  ) {}

  @Get()
  async show(@Param('petitionId', PETITION) petitionId: string): Promise<object> {
    const view = await this.views.ofPetition(petitionId);
    if (!view) throw new NotFoundException({ error: { code: 'NO_CLOCK', message: 'no clock for this petition' } });
    return view;
  }

  @Post('pause')
  @HttpCode(200)
  pause(@Param('petitionId', PETITION) petitionId: string, @Body(BODY) body: PauseBody): Promise<object> {
    return this.commands.pause(petitionId, body);
  }

  @Post('resume')
  @HttpCode(200)
  resume(@Param('petitionId', PETITION) petitionId: string, @Body(BODY) body: ResumeBody): Promise<object> {
    return this.commands.resume(petitionId, body.departmentCode);
  }

  @Post('extensions')
  @HttpCode(201)
  requestExtension(
    @Param('petitionId', PETITION) petitionId: string,
    @Body(BODY) body: ExtensionRequestBody,
  ): Promise<object> {
    return this.commands.requestExtension(petitionId, body);
  }

  @Post('extensions/:extensionId/decision')
  @HttpCode(200)
  decideExtension(
    @Param('petitionId', PETITION) petitionId: string,
    @Param('extensionId', new ParseUUIDPipe()) extensionId: string,
    @Body(BODY) body: ExtensionDecisionBody,
  ): Promise<object> {
    return this.commands.decideExtension(petitionId, extensionId, body);
  }
}

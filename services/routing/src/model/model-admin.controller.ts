import { Body, Controller, Get, Header, HttpCode, Post, Put, Query, UseGuards } from '@nestjs/common';
import { DistrictService } from '../district/district.service';
import { Authorize, BearerGuard, CurrentPrincipal } from '../http/bearer.guard';
import type { Principal } from '../http/credentials';
import { RoutingHttpError } from '../http/routing-http.error';
import { trainingLine } from '../labels/training-label';
import { TrainingLabelRepository } from '../labels/training-label.repository';
import type { ModelEvaluation } from './model-evaluation';
import { type ModelSwitch, ModelService } from './model.service';

function modelText(body: unknown): string {
  if (typeof body === 'string' && body.trim()) return body;
  if (body && typeof body === 'object') return JSON.stringify(body);
  throw new RoutingHttpError('MODEL_REJECTED', 'the body must be a model file (model.json)');
}

/**
 * Learning from outcomes (admin tokens): the stored training labels, in the training file's format, to retrain on;
 * a candidate model evaluated against the active one on them; and the recorded switch.
 */
@Controller('admin')
@UseGuards(BearerGuard)
@Authorize('admin')
export class ModelAdminController {
  constructor(
    private readonly models: ModelService,
    private readonly districts: DistrictService,
    private readonly labels: TrainingLabelRepository,
  ) {}

  /** JSON Lines in the format of petitions.dev.jsonl: append to the training file and run routing:train. */
  @Get('training-labels')
  @Header('content-type', 'application/x-ndjson; charset=utf-8')
  async trainingLabels(): Promise<string> {
    return (await this.labels.all()).map((label) => `${trainingLine(label)}\n`).join('');
  }

  @Get('model')
  async versions(): Promise<{ versions: object[] }> {
    return { versions: await this.models.versions() };
  }

  @Post('model/evaluation')
  @HttpCode(200)
  async evaluate(@Body() body: unknown): Promise<ModelEvaluation> {
    return this.models.evaluate(modelText(body), await this.districts.current());
  }

  @Put('model')
  @HttpCode(200)
  async switchTo(
    @Body() body: unknown,
    @CurrentPrincipal() admin: Principal,
    @Query('force') force?: string,
  ): Promise<ModelSwitch> {
    return this.models.switchTo(modelText(body), await this.districts.current(), admin.id, force === 'true');
  }
}

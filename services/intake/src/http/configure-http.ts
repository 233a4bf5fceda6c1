import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IntakeConfig } from '../config';
import { configureBodyParsing } from './body-parsing';
import { IntakeHttpErrorFilter } from './intake-http-error.filter';
import { setUpOpenApi } from './openapi';

/**
 * Intake's HTTP side (the runtime's `configureHttp` hook, before the app listens): its own body parsing (limit, raw
 * bytes for the signature), one error format, OpenAPI at /docs.
 */
export function configureIntakeHttp(app: INestApplication, config: IntakeConfig): void {
  configureBodyParsing(app, config.INTAKE_BODY_LIMIT_BYTES);
  // A global filter: body-parser errors and unknown routes never reach a controller's own filters.
  app.useGlobalFilters(new IntakeHttpErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  setUpOpenApi(app);
}

import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IntakeConfig } from '../config';
import { configureBodyParsing } from './body-parsing';
import { Open311AwareErrorFilter, OPEN311_PATH_PREFIX } from '../open311/open311-error.filter';
import { setUpOpenApi } from './openapi';

/**
 * Intake's HTTP side (the runtime's `configureHttp` hook, before the app listens): its own body parsing (limit, raw
 * bytes for the signature), one error format, OpenAPI at /docs.
 */
export function configureIntakeHttp(app: INestApplication, config: IntakeConfig): void {
  configureBodyParsing(app, config.INTAKE_BODY_LIMIT_BYTES, OPEN311_PATH_PREFIX);
  // A global filter: body-parser errors and unknown routes never reach a controller's own filters. Intake's format,
  // Open311's under its prefix.
  app.useGlobalFilters(new Open311AwareErrorFilter(app.get(HttpAdapterHost).httpAdapter));
  setUpOpenApi(app);
}

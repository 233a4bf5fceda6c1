import { Body, Controller, Get, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateLimit } from '../rate-limit/rate-limit.decorator';
import { Open311ApiKeyGuard, Open311Client, Open311KeyRateLimitGuard } from './open311-api-key.guard';
import type { Open311Document } from './open311-format';
import { Open311FormatInterceptor } from './open311-format.interceptor';
import type { Open311Key } from './open311-keys';
import {
  ApiOpen311Definition,
  ApiOpen311Discovery,
  ApiOpen311File,
  ApiOpen311Request,
  ApiOpen311Requests,
  ApiOpen311Services,
  ApiOpen311Updates,
} from './open311.openapi';
import { DateRangeQuery, ServiceRequestsQuery } from './open311-query';
import { Open311Service } from './open311.service';

/** Both formats of a resource: GeoReport names the format as the extension. */
const formats = (resource: string): string[] => [`${resource}.json`, `${resource}.xml`];

/**
 * Open311 GeoReport v2 (and FixMyStreet's `servicerequestupdates`) under `/open311/v2`. Reads are public, as in
 * GeoReport, and rate-limited per client address; filing needs an API key (INTAKE_OPEN311_KEYS).
 */
@ApiTags('open311')
@Controller('open311/v2')
@UseInterceptors(Open311FormatInterceptor)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get(formats('discovery'))
  @RateLimit('open311-read')
  @ApiOpen311Discovery()
  discovery(): Open311Document {
    return this.open311.discovery();
  }

  @Get(formats('services'))
  @RateLimit('open311-read')
  @ApiOpen311Services()
  services(): Open311Document {
    return this.open311.services();
  }

  @Get(formats('services/:serviceCode'))
  @RateLimit('open311-read')
  @ApiOpen311Definition()
  definition(@Param('serviceCode') serviceCode: string): Open311Document {
    return this.open311.serviceDefinition(serviceCode);
  }

  /** 201 with the service request (a retry: the same one). Source rate (429), key (403), key rate (429), form (400). */
  @Post(formats('requests'))
  @RateLimit('source')
  @UseGuards(Open311ApiKeyGuard, Open311KeyRateLimitGuard)
  @ApiOpen311File()
  file(@Body() form: Record<string, unknown>, @Open311Client() key: Open311Key): Promise<Open311Document> {
    return this.open311.file(form, key);
  }

  @Get(formats('requests'))
  @RateLimit('open311-read')
  @ApiOpen311Requests()
  requests(@Query() query: ServiceRequestsQuery): Promise<Open311Document> {
    return this.open311.requests(query);
  }

  @Get(formats('requests/:serviceRequestId'))
  @RateLimit('open311-read')
  @ApiOpen311Request()
  request(@Param('serviceRequestId') serviceRequestId: string): Promise<Open311Document> {
    return this.open311.request(serviceRequestId);
  }

  @Get(formats('servicerequestupdates'))
  @RateLimit('open311-read')
  @ApiOpen311Updates()
  updates(@Query() query: DateRangeQuery): Promise<Open311Document> {
    return this.open311.updates(query);
  }
}

import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { Authorize, BearerGuard, CurrentPrincipal } from '../http/bearer.guard';
import type { Principal } from '../http/credentials';
import { RoutingHttpError } from '../http/routing-http.error';
import { type DistrictActivation, DistrictService } from './district.service';

interface DistrictVersionView {
  version: string;
  sha256: string;
  source: string;
  active: boolean;
  loadedAt: string;
  activatedAt: string;
}

/**
 * The district file without a restart (bearer tokens with the `admin` role): see which version is active, send a
 * new one (YAML or JSON; checked completely before it is switched on), or read the configured file again.
 */
@Controller('admin/district')
@UseGuards(BearerGuard)
@Authorize('admin')
export class DistrictAdminController {
  constructor(private readonly districts: DistrictService) {}

  @Get()
  async versions(): Promise<{ versions: DistrictVersionView[] }> {
    const versions = await this.districts.versions();
    return {
      versions: versions.map(({ version, sha256, source, active, loadedAt, activatedAt }) => ({
        version,
        sha256,
        source,
        active,
        loadedAt: loadedAt.toISOString(),
        activatedAt: activatedAt.toISOString(),
      })),
    };
  }

  /** The body is the file: `application/yaml`, `text/yaml`, `text/plain` or `application/json`. */
  @Put()
  @HttpCode(200)
  load(@Body() body: unknown, @CurrentPrincipal() admin: Principal): Promise<DistrictActivation> {
    const text = typeof body === 'string' ? body : body && typeof body === 'object' ? JSON.stringify(body) : '';
    if (!text.trim())
      throw new RoutingHttpError('DISTRICT_REJECTED', 'the body must be the district file', ['(file): empty']);
    return this.districts.load(text, `api:${admin.id}`);
  }

  @Post('reload')
  @HttpCode(200)
  reload(): Promise<DistrictActivation> {
    return this.districts.reloadConfigured();
  }
}

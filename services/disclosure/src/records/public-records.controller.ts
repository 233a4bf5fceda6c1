import {
  Controller,
  DefaultValuePipe,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Query,
} from '@nestjs/common';
import { PublicationService } from './publication.service';
import type { PublicRecordView } from './public-record.view';

@Controller('public/records')
export class PublicRecordsController {
  constructor(private readonly publication: PublicationService) {}

  @Get()
  latest(@Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number): Promise<PublicRecordView[]> {
    return this.publication.latest(Math.min(Math.max(limit, 1), 500));
  }

  @Get(':petitionId')
  async one(@Param('petitionId', new ParseUUIDPipe()) petitionId: string): Promise<PublicRecordView> {
    const record = await this.publication.recordOf(petitionId);
    if (!record) throw new NotFoundException(`no public record for petition ${petitionId}`);
    return record;
  }
}

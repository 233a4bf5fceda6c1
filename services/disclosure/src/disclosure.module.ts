import { Module } from '@nestjs/common';
import { PublicRecordRepository } from './records/public-record.repository';
import { PublicRecordsController } from './records/public-records.controller';
import { PublicationService } from './records/publication.service';
import { ReviewedPetitionsConsumer } from './records/reviewed-petitions.consumer';

@Module({
  controllers: [ReviewedPetitionsConsumer, PublicRecordsController],
  providers: [PublicRecordRepository, PublicationService],
})
export class DisclosureModule {}

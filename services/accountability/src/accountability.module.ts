import { Module } from '@nestjs/common';
import { HistoryConsumer } from './history/history.consumer';
import { HistoryRepository } from './history/history.repository';
import { HistoryService } from './history/history.service';

@Module({
  controllers: [HistoryConsumer],
  providers: [HistoryRepository, HistoryService],
})
export class AccountabilityModule {}

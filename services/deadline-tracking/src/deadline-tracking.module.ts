import { Module } from '@nestjs/common';
import { ClockRepository } from './clocks/clock.repository';
import { ClockService } from './clocks/clock.service';
import { ClockEventsConsumer } from './clocks/deadline-events.consumer';
import { DueClockScanner } from './clocks/due-clock.scanner';

@Module({
  controllers: [ClockEventsConsumer],
  providers: [ClockRepository, ClockService, DueClockScanner],
})
export class DeadlineTrackingModule {}

import { Module } from '@nestjs/common';
import { ClockCommands } from './clocks/clock-commands.service';
import { ClockFiring } from './clocks/clock-firing';
import { ClockLifeRepository } from './clocks/clock-life.repository';
import { ClockRepository } from './clocks/clock.repository';
import { ClockService } from './clocks/clock.service';
import { ClockViews } from './clocks/clock-view';
import { ClocksController } from './clocks/clocks.controller';
import { ClockEventsConsumer } from './clocks/deadline-events.consumer';
import { Holdings } from './clocks/holdings';
import { DatabaseTime } from './time/database-time';
import { TimeControlController } from './time/time-control.controller';
import { TIMER_HANDLER, TimerEngine } from './timers/timer-engine';
import { TimerRepository } from './timers/timer.repository';
import { TimerScanner } from './timers/timer-scanner';

@Module({
  controllers: [ClockEventsConsumer, ClocksController, TimeControlController],
  providers: [
    ClockRepository,
    ClockLifeRepository,
    ClockService,
    ClockCommands,
    ClockFiring,
    ClockViews,
    Holdings,
    DatabaseTime,
    TimerRepository,
    TimerEngine,
    TimerScanner,
    { provide: TIMER_HANDLER, useExisting: ClockFiring },
  ],
})
export class DeadlineTrackingModule {}

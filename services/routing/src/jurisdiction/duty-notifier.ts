import { Inject, Injectable } from '@nestjs/common';
import type { DutyNotificationReason } from '@petitions/contracts';
import { EventFactory, Outbox } from '@petitions/messaging';
import { CLOCK, type Clock } from '@petitions/platform';
import { dutyOfficerV1 } from '../decisions/work-orders';
import type { Cause } from '../work-orders/work-order.service';
import type { DutyOfficer } from './duty';

/** Asks the channels (channel.outbound) to reach an official on duty at once. */
@Injectable()
export class DutyNotifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async notify(input: {
    petitionId: string;
    officer: DutyOfficer;
    reason: DutyNotificationReason;
    message: string;
    cause: Cause;
  }): Promise<void> {
    await this.outbox.append([
      this.events.create(
        'duty.notification-requested',
        {
          petitionId: input.petitionId,
          reason: input.reason,
          recipient: dutyOfficerV1(input.officer),
          message: input.message.slice(0, 1000),
          requestedAt: this.clock.now().toISOString(),
        },
        { key: input.petitionId, cause: input.cause },
      ),
    ]);
  }
}

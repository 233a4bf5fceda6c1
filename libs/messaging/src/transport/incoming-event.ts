import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@petitions/contracts';

/** What an `@EventPattern` handler receives: the checked envelope and the validated payload. */
export interface IncomingEvent<T> {
  readonly envelope: EventEnvelope;
  readonly payload: T;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Handlers run inside the batch's PostgreSQL transaction (see UnitOfWork); the context names the message. */
export class BatchKafkaContext extends BaseRpcContext<[string, number, string, string]> {
  constructor(topic: string, partition: number, offset: string, consumerGroup: string) {
    super([topic, partition, offset, consumerGroup]);
  }
  getConsumerGroup(): string {
    return this.args[3];
  }
}

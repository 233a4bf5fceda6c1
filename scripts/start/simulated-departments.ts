import {
  decodePayload,
  deptAssignmentsTopic,
  envelopeFromHeaders,
  envelopeToHeaders,
  newEventId,
  Topics,
  WorkOrderIssuedV1,
  type EventEnvelope,
  type EventPayloads,
} from '@petitions/contracts';
import { DEPARTMENT_CODES } from '@petitions/district';
import { Kafka, logLevel, type Consumer, type EachMessagePayload, type IHeaders, type Producer } from 'kafkajs';
import { resultFor } from './sample-petitions';

/** One consumer group for all simulated departments, so that a restart resumes where the last run stopped. */
export const SIMULATOR_GROUP = 'simulator-departments';
const JOIN_WAIT_MS = 15_000;

type ResponseType = 'department.acknowledged' | 'department.resolved';

export interface DepartmentsOptions {
  brokers: readonly string[];
  log: (text: string) => void;
  /** How a petition is named in log lines (the simulator knows the texts of the ones it posted). */
  describe: (petitionId: string) => string;
  /** Work orders issued earlier are a backlog of other runs: skipped, so that a start does not answer hundreds. */
  answerIssuedAfter: Date;
  ackDelayMs: number;
  resolveDelayMs: number;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    result[name] = first === undefined ? undefined : first.toString();
  }
  return result;
}

/**
 * Plays the departments' own systems: reads every `dept.<CODE>.assignments` topic and, for each primary work order,
 * signs for it (department.acknowledged) and then reports it resolved (department.resolved) on `dept.responses`,
 * with the envelope in headers as the contract says.
 */
export class SimulatedDepartments {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sending = new Set<Promise<void>>();
  private skipped = 0;
  private stopped = false;

  private constructor(
    private readonly options: DepartmentsOptions,
    private readonly consumer: Consumer,
    private readonly producer: Producer,
  ) {}

  static async start(options: DepartmentsOptions): Promise<SimulatedDepartments> {
    const kafka = new Kafka({
      clientId: 'simulator',
      brokers: [...options.brokers],
      logLevel: logLevel.ERROR,
      logCreator: () => (entry) => {
        // kafkajs logs every error response at ERROR, also those it retries (e.g. a coordinator still loading on a
        // new broker); what matters is reported when the send or the consumer fails for good.
        if (entry.namespace === 'Connection' && String(entry.log.message).startsWith('Response ')) return;
        options.log(`kafkajs ${entry.namespace}: ${String(entry.log.message)}`);
      },
    });
    const consumer = kafka.consumer({ groupId: SIMULATOR_GROUP, maxWaitTimeInMs: 500 });
    // Not idempotent: a retried send could repeat an answer, and consumers drop repeats by event id anyway.
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const departments = new SimulatedDepartments(options, consumer, producer);
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: DEPARTMENT_CODES.map(deptAssignmentsTopic), fromBeginning: true });
    await departments.run();
    return departments;
  }

  /**
   * Waits (a while) for the group join, so that work orders for the petitions posted next are read at once.
   * Nothing is lost without it: a new group starts from the beginning, an old one from its committed offsets.
   */
  private async run(): Promise<void> {
    let joined: () => void = () => undefined;
    const join = new Promise<void>((resolve) => (joined = resolve));
    const removeListener = this.consumer.on(this.consumer.events.GROUP_JOIN, () => joined());
    // Answers are scheduled, not awaited: the consumer moves on and the timers send them later.
    await this.consumer.run({ eachMessage: (payload) => Promise.resolve(this.onMessage(payload)) });
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), JOIN_WAIT_MS).unref());
    const inTime = await Promise.race([join.then(() => true), timeout]);
    removeListener();
    this.options.log(
      inTime
        ? `playing ${DEPARTMENT_CODES.length} departments (consumer group ${SIMULATOR_GROUP} on dept.<CODE>.assignments)`
        : `consumer group ${SIMULATOR_GROUP} has not joined after ${JOIN_WAIT_MS / 1000} s; it answers once it has`,
    );
  }

  private onMessage({ topic, message }: EachMessagePayload): void {
    if (this.stopped) return;
    let envelope: EventEnvelope;
    let order: WorkOrderIssuedV1;
    try {
      envelope = envelopeFromHeaders(headerStrings(message.headers));
      if (envelope.type !== WorkOrderIssuedV1.type) return;
      order = decodePayload('work-order.issued', envelope.schemaVersion, message.value?.toString('utf8') ?? '');
    } catch (error) {
      this.options.log(`ignoring a message on ${topic} at offset ${message.offset}: ${(error as Error).message}`);
      return;
    }
    if (Date.parse(order.issuedAt) < this.options.answerIssuedAfter.getTime()) {
      if (this.skipped++ === 0)
        this.options.log('skipping work orders issued before the simulator started (a backlog)');
      return;
    }
    this.onWorkOrder(order, envelope);
  }

  private onWorkOrder(order: WorkOrderIssuedV1, cause: EventEnvelope): void {
    const { departmentCode: code, petitionId } = order;
    const petition = this.options.describe(petitionId);
    if (order.role !== 'primary') {
      this.options.log(`${code} got a co-department work order for ${petition}; the primary department answers`);
      return;
    }
    const extra = order.coDepartments.length > 0 ? `, with ${order.coDepartments.join(', ')}` : '';
    this.options.log(`${code} received work order for ${petition} (${order.category}, ${order.complexity}${extra})`);
    // Resolution is scheduled only once the acknowledgement is sent, so that the two arrive in order.
    this.later(this.options.ackDelayMs, async () => {
      const acknowledgedAt = new Date().toISOString();
      await this.send('department.acknowledged', { petitionId, departmentCode: code, acknowledgedAt }, cause);
      this.options.log(`${code} acknowledged ${petition}`);
      this.later(this.options.resolveDelayMs - this.options.ackDelayMs, async () => {
        const result = resultFor(code);
        const resolvedAt = new Date().toISOString();
        await this.send('department.resolved', { petitionId, departmentCode: code, result, resolvedAt }, cause);
        this.options.log(`${code} resolved ${petition}: ${result}`);
      });
    });
  }

  private later(delayMs: number, action: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        const sending = action().catch((error: unknown) =>
          this.options.log(`sending failed: ${(error as Error).message}`),
        );
        this.sending.add(sending);
        void sending.finally(() => this.sending.delete(sending));
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
  }

  private async send<T extends ResponseType>(type: T, payload: EventPayloads[T], cause: EventEnvelope): Promise<void> {
    const headers = envelopeToHeaders({
      eventId: newEventId(),
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      producer: `dept-system-${payload.departmentCode}`,
      petitionId: payload.petitionId,
      correlationId: cause.correlationId,
      causationId: cause.eventId,
    });
    await this.producer.send({
      topic: Topics.deptResponses,
      acks: -1,
      messages: [{ key: payload.petitionId, value: JSON.stringify(payload), headers }],
    });
  }

  /** Answers not yet due are dropped (and said so); answers being sent are waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timers.size > 0) this.options.log(`dropping ${this.timers.size} answer(s) not yet sent`);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.sending]);
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    if (this.skipped > 0) this.options.log(`skipped ${this.skipped} work order(s) from before the simulator started`);
  }
}

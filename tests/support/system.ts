import { deptAssignmentsTopic, Topics } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, ensureTopics, moveGroupToEnd } from '@petitions/testing';
import { ServiceProcess } from './service-process';
import type { TestDatabase } from './test-database';

/** What each service consumes (mirrors its @EventPattern handlers), to start its fresh groups at the topics' ends. */
const CONSUMED: Record<string, readonly string[]> = {
  intake: [
    Topics.channelInbound,
    Topics.petitionEvents,
    Topics.routingEvents,
    Topics.deptResponses,
    Topics.deadlineEvents,
  ],
  routing: [Topics.petitionEvents],
  'deadline-tracking': [Topics.routingEvents, Topics.deptResponses],
  accountability: [Topics.petitionEvents, Topics.routingEvents, Topics.deptResponses, Topics.deadlineEvents],
  disclosure: [Topics.accountabilityEvents],
};

export const SERVICE_NAMES = ['intake', 'routing', 'deadline-tracking', 'accountability', 'disclosure'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * The five services as five processes on their own database and their own consumer groups, so that a test run is
 * isolated from other runs sharing the broker, and starts from "now" rather than from the topics' history.
 */
export class RunningSystem {
  private constructor(
    readonly services: Record<ServiceName, ServiceProcess>,
    readonly groupPrefix: string,
  ) {}

  static async start(
    db: TestDatabase,
    basePort: number,
    extraEnv: Record<string, string> = {},
  ): Promise<RunningSystem> {
    const groupPrefix = `e2e-${Date.now()}.`;
    const kafka = createTestKafka();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = [...Object.values(Topics), deptAssignmentsTopic('URBAN')];
      await ensureTopics(admin, [...topics, ...topics.map((topic) => `${topic}.dlq`)]);
      for (const [service, consumed] of Object.entries(CONSUMED)) {
        for (const topic of consumed) await moveGroupToEnd(admin, consumerGroupId(groupPrefix, service, topic), topic);
      }
    } finally {
      await admin.disconnect();
    }
    // Its own rate-limit counters in the shared Redis, with limits no test reaches unless it sets its own.
    const rateLimits = {
      INTAKE_RATE_LIMIT_PREFIX: `intake:rl:${groupPrefix.replace(/\W/g, '')}:`,
      INTAKE_RATE_LIMITS: JSON.stringify({
        'channel-key': { limit: 100000, windowSeconds: 60 },
        source: { limit: 100000, windowSeconds: 60 },
        'tracking-lookup': { limit: 100000, windowSeconds: 60 },
      }),
    };
    const env = { DATABASE_URL: db.url, KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix, ...rateLimits, ...extraEnv };
    const outcomes = await Promise.allSettled(
      SERVICE_NAMES.map((name, index) => ServiceProcess.start(name, basePort + index, { env })),
    );
    const started = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) {
      // No test will get to stop the services that did start: stop them here, or they outlive the run.
      await Promise.all(started.map((service) => service.stop()));
      throw failure.reason;
    }
    const services = Object.fromEntries(SERVICE_NAMES.map((name, index) => [name, started[index]])) as Record<
      ServiceName,
      ServiceProcess
    >;
    return new RunningSystem(services, groupPrefix);
  }

  url(name: ServiceName): string {
    return this.services[name].url;
  }

  /** SIGTERM to all; resolves with each exit code. */
  async stop(): Promise<Record<ServiceName, number | null>> {
    const codes = await Promise.all(SERVICE_NAMES.map((name) => this.services[name].stop()));
    return Object.fromEntries(SERVICE_NAMES.map((name, index) => [name, codes[index] ?? null])) as Record<
      ServiceName,
      number | null
    >;
  }

  logs(): string {
    return SERVICE_NAMES.map((name) => `----- ${name}\n${this.services[name].logs()}`).join('\n');
  }
}

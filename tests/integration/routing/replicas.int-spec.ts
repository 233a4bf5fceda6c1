import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics, type PetitionReceivedV1 } from '@petitions/contracts';
import { consumerGroupId } from '@petitions/messaging';
import { createTestKafka, expectEventually, type RecordedMessage } from '@petitions/testing';
import type { ServiceProcess } from '../../support/service-process';
import { about, aPetition, payloadOf, publishReceived, RoutingUnderTest } from '../../support/routing';

/**
 * Scale (§8): two routing processes on one database and one consumer group give exactly the results one gives.
 * The same petitions (same text, place and time of receipt, new ids) go once through two replicas and once through
 * one; every petition has exactly one outcome, with exactly its work orders, and the two runs decide alike.
 */

const PORT = 3183;
const REPLICA_PORT = 3184;
const RECEIVED_AT = '2026-07-07T12:05:01.000Z';
const CASES = 36;

interface DevLine {
  text: string;
  channel: string;
  town?: string;
  unit?: string;
}

/** Every n-th line of the dev set, for a spread of departments, urgent and unsure petitions. */
function samples(): DevLine[] {
  const lines = readFileSync(
    join(__dirname, '..', '..', '..', 'services', 'routing', 'data', 'petitions.dev.jsonl'),
    'utf8',
  )
    .trim()
    .split('\n')
    .map((line) => {
      const { text, channel, town, unit } = JSON.parse(line) as { [K in keyof DevLine]: DevLine[K] | null };
      return { text: text ?? '', channel: channel ?? 'app', ...(town ? { town } : {}), ...(unit ? { unit } : {}) };
    });
  const step = Math.floor(lines.length / CASES);
  return Array.from({ length: CASES }, (_, index) => lines[index * step]!);
}

/** What routing decided for a petition, without its ids and times: what two runs must agree on. */
function outcomeOf(messages: RecordedMessage[], petitionId: string): object {
  const decisions = [
    ...about(messages, petitionId, 'petition.assigned'),
    ...about(messages, petitionId, 'petition.triage-queued'),
  ];
  expect({ petitionId, decisions: decisions.length }).toEqual({ petitionId, decisions: 1 });
  const decision = payloadOf<Record<string, unknown>>(decisions[0]!);
  const orders = about(messages, petitionId, 'work-order.issued')
    .map((order) => `${order.topic}:${payloadOf<{ role: string }>(order).role}`)
    .sort();
  const notices = about(messages, petitionId, 'duty.notification-requested').map((notice) => notice.topic);
  const { petitionId: _id, assignedAt: _assigned, queuedAt: _queued, ...rest } = decision;
  return { type: decisions[0]!.headers['event-type'], ...rest, orders, notices };
}

describe('routing: two replicas decide as one', () => {
  let system: RoutingUnderTest;
  let replica: ServiceProcess | undefined;
  const lines = samples();
  const petitionsOf = (): PetitionReceivedV1[] => lines.map((line) => aPetition({ ...line, receivedAt: RECEIVED_AT }));
  const twoReplicas = petitionsOf();
  const oneReplica = petitionsOf();

  beforeAll(async () => {
    system = await RoutingUnderTest.start('routing-replicas', PORT);
    replica = await system.startReplica(REPLICA_PORT);
  });

  afterAll(async () => {
    await replica?.stop();
    await system?.stop();
  });

  async function expectComplete(petitions: PetitionReceivedV1[]): Promise<RecordedMessage[]> {
    return expectEventually(
      () => {
        const messages = system.recorder.messages();
        for (const { petitionId } of petitions) {
          const decided =
            about(messages, petitionId, 'petition.assigned').length +
            about(messages, petitionId, 'petition.triage-queued').length;
          expect({ petitionId, decided }).toEqual({ petitionId, decided: 1 });
          const assigned = about(messages, petitionId, 'petition.assigned')[0];
          if (assigned) {
            const { coDepartments } = payloadOf<{ coDepartments: string[] }>(assigned);
            expect(about(messages, petitionId, 'work-order.issued')).toHaveLength(1 + coDepartments.length);
          }
        }
        return messages;
      },
      { timeoutMs: 60_000, description: `outcomes of ${petitions.length} petitions` },
    );
  }

  it('shares the petitions between the two processes (one consumer group, two members)', async () => {
    const admin = createTestKafka().admin();
    await admin.connect();
    try {
      const groupId = consumerGroupId(system.env.KAFKA_CONSUMER_GROUP_PREFIX ?? '', 'routing', Topics.petitionEvents);
      await expectEventually(async () => {
        const { groups } = await admin.describeGroups([groupId]);
        expect(groups[0]?.members).toHaveLength(2);
      });
    } finally {
      await admin.disconnect();
    }
  });

  it('gives each petition exactly one outcome with two replicas', async () => {
    for (const petition of twoReplicas) await publishReceived(system.producer, petition);
    await expectComplete(twoReplicas);
  });

  it('gives exactly the same outcomes with one replica', async () => {
    await replica?.stop();
    replica = undefined;
    for (const petition of oneReplica) await publishReceived(system.producer, petition);
    const messages = await expectComplete(oneReplica);
    const kinds = new Set<string>();
    lines.forEach((line, index) => {
      const two = outcomeOf(messages, twoReplicas[index]!.petitionId);
      const one = outcomeOf(messages, oneReplica[index]!.petitionId);
      expect({ text: line.text, outcome: two }).toEqual({ text: line.text, outcome: one });
      kinds.add((two as { type: string }).type);
    });
    // The sample exercised both outcomes, so the comparison covered the triage queue too.
    expect([...kinds].sort()).toEqual(['petition.assigned', 'petition.triage-queued']);
  });
});

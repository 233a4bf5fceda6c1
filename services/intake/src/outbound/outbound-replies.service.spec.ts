import type { EventEnvelope } from '@petitions/contracts';
import { EventFactory, type Outbox, type PendingEvent } from '@petitions/messaging';
import { ManualClock } from '@petitions/platform';
import { evolveStatus, NO_FACTS, type TrackedEvent } from '../tracking/petition-status';
import { OutboundReplies } from './outbound-replies.service';
import { RecipientDirectory, type Recipient } from './recipients';

const OWN = '0198e5a2-3a00-7b10-8c20-1d2e3f405060';
const OTHER = '0198e5a2-3a00-7b10-8c20-1d2e3f405061';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const CAUSE: EventEnvelope = {
  eventId: '0198e5a2-3b10-7c41-9a52-6d7e8f901234',
  type: 'petition.received',
  schemaVersion: 1,
  occurredAt: T0.toISOString(),
  producer: 'intake',
  petitionId: OWN,
  correlationId: '0198e5a2-3b10-7c41-9a52-6d7e8f901234',
};

function recipient(petitionId: string, trackingCode: string, handle: string): Recipient {
  return {
    petitionId,
    trackingCode,
    channel: 'wechat-resident',
    channelMessageId: `wx-${trackingCode}`,
    address: { kind: 'handle', value: handle },
  };
}

/** A directory as same-matter grouping will make it: the petition's own reporter and another one of the group. */
class FixedDirectory extends RecipientDirectory {
  constructor(private readonly recipients: Recipient[]) {
    super();
  }
  recipientsOf(): Promise<Recipient[]> {
    return Promise.resolve(this.recipients);
  }
}

function setUp(recipients: Recipient[]): { replies: OutboundReplies; appended: PendingEvent[] } {
  const appended: PendingEvent[] = [];
  const outbox = { append: (events: readonly PendingEvent[]) => Promise.resolve(void appended.push(...events)) };
  const clock = new ManualClock(new Date(T0.getTime() + 1000));
  const replies = new OutboundReplies(
    new FixedDirectory(recipients),
    outbox as unknown as Outbox,
    new EventFactory('intake', clock),
    clock,
  );
  return { replies, appended };
}

const received: TrackedEvent = {
  type: 'petition.received',
  payload: {
    petitionId: OWN,
    trackingCode: '2345-6789-ABCD',
    channel: 'wechat-resident',
    channelMessageId: 'wx-2345-6789-ABCD',
    text: '下水道堵了',
    receivedAt: T0.toISOString(),
  },
};
const resolved: TrackedEvent = {
  type: 'department.resolved',
  payload: { petitionId: OWN, departmentCode: 'URBAN', result: '已疏通', resolvedAt: T0.toISOString() },
};
const change = (event: TrackedEvent) => ({ before: NO_FACTS, after: evolveStatus(NO_FACTS, event) });

describe('OutboundReplies', () => {
  const own = recipient(OWN, '2345-6789-ABCD', 'wxid_own');
  const other = recipient(OTHER, '3456-789A-BCDE', 'wxid_other');

  it('given a receipt, then one reply to the petition’s own reporter, keyed and caused as the contract says', async () => {
    const { replies, appended } = setUp([own, other]);
    await replies.answer(CAUSE, received, change(received));
    expect(appended).toHaveLength(1);
    const [reply] = appended;
    expect(reply?.topic).toBe('channel.outbound');
    expect(reply?.key).toBe(OWN);
    expect(reply?.envelope).toMatchObject({
      type: 'channel.reply-requested',
      petitionId: OWN,
      causationId: CAUSE.eventId,
      correlationId: CAUSE.correlationId,
    });
    expect(reply?.payload).toEqual({
      channel: 'wechat-resident',
      recipientKind: 'handle',
      recipient: 'wxid_own',
      inReplyTo: 'wx-2345-6789-ABCD',
      petitionId: OWN,
      trackingCode: '2345-6789-ABCD',
      kind: 'receipt',
      text: expect.stringContaining('查询码 2345-6789-ABCD') as string,
    });
  });

  it('given a resolution, then result and survey to every recipient, each about their own petition', async () => {
    const { replies, appended } = setUp([own, other]);
    await replies.answer(CAUSE, resolved, change(resolved));
    const sent = appended.map((event) => event.payload as { petitionId: string; recipient: string; kind: string });
    expect(sent.map(({ petitionId, recipient: to, kind }) => [petitionId, to, kind])).toEqual([
      [OWN, 'wxid_own', 'result'],
      [OWN, 'wxid_own', 'survey'],
      [OTHER, 'wxid_other', 'result'],
      [OTHER, 'wxid_other', 'survey'],
    ]);
    expect(appended.map((event) => event.key)).toEqual([OWN, OWN, OTHER, OTHER]);
  });

  it('given nobody reachable, or a petition intake does not hold, then nothing is appended', async () => {
    const unreachable = setUp([]);
    await unreachable.replies.answer(CAUSE, resolved, change(resolved));
    const unknown = setUp([own]);
    await unknown.replies.answer(CAUSE, resolved, null);
    expect([...unreachable.appended, ...unknown.appended]).toEqual([]);
  });
});

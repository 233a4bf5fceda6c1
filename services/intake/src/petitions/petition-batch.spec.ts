import { answersOf, firstOfEachMessage, type NewPetition } from './petition-batch';

function submission(n: number, channelMessageId: string, channel = 'app'): NewPetition {
  return { id: `id-${n}`, trackingCode: `CODE-${n}`, channel, channelMessageId };
}

describe('firstOfEachMessage', () => {
  it('given distinct messages, then each is its own first', () => {
    expect(firstOfEachMessage([submission(0, 'a'), submission(1, 'b')])).toEqual({ firsts: [0, 1], firstOf: [0, 1] });
  });

  it('given the same message twice in a batch, then the later one points at the first', () => {
    const batch = [submission(0, 'a'), submission(1, 'b'), submission(2, 'a'), submission(3, 'a')];
    expect(firstOfEachMessage(batch)).toEqual({ firsts: [0, 1], firstOf: [0, 1, 0, 0] });
  });

  it('given one message id on two channels, then they are two messages', () => {
    expect(firstOfEachMessage([submission(0, 'a', 'app'), submission(1, 'a', 'hotline-12345')]).firsts).toEqual([0, 1]);
  });

  it('given ids that would read the same if joined with a separator, then they stay apart', () => {
    const batch = [submission(0, 'b', 'a:'), submission(1, ':b', 'a')];
    expect(firstOfEachMessage(batch).firsts).toEqual([0, 1]);
  });
});

describe('answersOf', () => {
  it('given inserted firsts, then fresh answers; a repeat in the batch gets the same petition as a duplicate', () => {
    const batch = [submission(0, 'a'), submission(1, 'a')];
    expect(answersOf(batch, [0, 0], new Set(['id-0']), [])).toEqual([
      { status: 'fulfilled', value: { petitionId: 'id-0', trackingCode: 'CODE-0', duplicate: false } },
      { status: 'fulfilled', value: { petitionId: 'id-0', trackingCode: 'CODE-0', duplicate: true } },
    ]);
  });

  it('given a message stored before, then every submission of it gets the stored petition as a duplicate', () => {
    const batch = [submission(0, 'a'), submission(1, 'a')];
    const stored = [{ id: 'old', trackingCode: 'OLD', channel: 'app', channelMessageId: 'a' }];
    expect(answersOf(batch, [0, 0], new Set(), stored)).toEqual([
      { status: 'fulfilled', value: { petitionId: 'old', trackingCode: 'OLD', duplicate: true } },
      { status: 'fulfilled', value: { petitionId: 'old', trackingCode: 'OLD', duplicate: true } },
    ]);
  });

  it('given a message neither inserted nor found, then only its submissions fail', () => {
    const batch = [submission(0, 'a'), submission(1, 'b')];
    const [lost, kept] = answersOf(batch, [0, 1], new Set(['id-1']), []);
    expect(lost).toMatchObject({
      status: 'rejected',
      reason: new Error('petition vanished between conflict and lookup'),
    });
    expect(kept).toEqual({
      status: 'fulfilled',
      value: { petitionId: 'id-1', trackingCode: 'CODE-1', duplicate: false },
    });
  });
});

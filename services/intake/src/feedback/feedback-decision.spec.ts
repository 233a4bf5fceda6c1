import { evolveStatus, NO_FACTS, type StatusFacts, type TrackedEvent } from '../tracking/petition-status';
import { at, PETITION, T0, tracked } from '../../../../tests/support/tracked-events';
import { decideFeedback, type FeedbackAnswer, type RecordedAnswer } from './feedback-decision';

const NOW = new Date(T0 + 10_000);
const assigned = tracked.assigned(1000);
const resolvedBy = (departmentCode: string, ms = 5000): TrackedEvent => tracked.resolved(ms, '已疏通', departmentCode);
const reopened = tracked.reopened;

function facts(...events: TrackedEvent[]): StatusFacts {
  return events.reduce<StatusFacts>((held, event) => evolveStatus(held, event), { ...NO_FACTS });
}

function when(held: StatusFacts, answer: FeedbackAnswer, recorded: RecordedAnswer | null = null) {
  return decideFeedback({ petitionId: PETITION, facts: held, recorded, answer, now: NOW });
}

describe('decideFeedback', () => {
  it('given a petition not resolved yet, then refused: there is nothing to answer for', () => {
    expect(when(facts(), { satisfied: true })).toEqual({ kind: 'not-resolved' });
    expect(when(facts(assigned), { satisfied: false, comment: '怎么还没修' })).toEqual({ kind: 'not-resolved' });
  });

  it('given a resolved petition and a satisfied answer, then feedback-received only', () => {
    expect(when(facts(assigned, resolvedBy('URBAN')), { satisfied: true, comment: '谢谢' })).toEqual({
      kind: 'accepted',
      resolvedAt: new Date(at(5000)),
      feedback: { petitionId: PETITION, satisfied: true, receivedAt: NOW.toISOString() },
      reopened: null,
    });
  });

  it('given a resolved petition and an unsatisfied answer, then reopened, to the resolving department, with the words', () => {
    // A co-department resolved it: the petition goes back to the one whose result was rejected.
    const decision = when(facts(assigned, resolvedBy('WATER')), { satisfied: false, comment: '还是堵的' });
    expect(decision).toEqual({
      kind: 'accepted',
      resolvedAt: new Date(at(5000)),
      feedback: { petitionId: PETITION, satisfied: false, receivedAt: NOW.toISOString() },
      reopened: {
        petitionId: PETITION,
        reopenCount: 1,
        reason: 'citizen-unsatisfied',
        comment: '还是堵的',
        previousDepartmentCode: 'WATER',
        reopenedAt: NOW.toISOString(),
      },
    });
  });

  it('given an unsatisfied answer without words, then reopened without a comment', () => {
    const decision = when(facts(assigned, resolvedBy('URBAN')), { satisfied: false });
    expect(decision.kind === 'accepted' && decision.reopened).toEqual(
      expect.not.objectContaining({ comment: expect.anything() as unknown }),
    );
  });

  it('given the resolution answered already, then that first answer stands, whatever this one says', () => {
    const held = facts(assigned, resolvedBy('URBAN'));
    expect(when(held, { satisfied: false }, { satisfied: true })).toEqual({
      kind: 'already-answered',
      answer: { satisfied: true },
    });
  });

  it('given a petition reopened and not resolved again, then the rejected result is answered already', () => {
    const held = facts(assigned, resolvedBy('URBAN'), reopened(6000));
    expect(when(held, { satisfied: true }, { satisfied: false }).kind).toBe('already-answered');
  });

  it('given a petition resolved again after a reopening, then a new answer counts, and a second reopening', () => {
    const held = facts(assigned, resolvedBy('URBAN'), reopened(6000), resolvedBy('URBAN', 9000));
    const decision = when(held, { satisfied: false });
    expect(decision).toMatchObject({ kind: 'accepted', resolvedAt: new Date(at(9000)), reopened: { reopenCount: 2 } });
  });

  it('given a resolution from before resolvedBy was kept, then the assigned department is the previous one', () => {
    const legacy = { ...facts(assigned, resolvedBy('URBAN')), resolvedBy: null };
    expect(when(legacy, { satisfied: false })).toMatchObject({ reopened: { previousDepartmentCode: 'URBAN' } });
  });
});

import { decideTransfer, type TransferState } from './transfer-decision';

const DEPARTMENTS = ['POWER', 'URBAN', 'HOUSING', 'TOWN', 'FIRE'];
const RANKING = ['POWER', 'URBAN', 'HOUSING', 'TOWN', 'FIRE'];
const T0 = new Date('2026-07-07T12:00:00Z');
const T1 = new Date('2026-07-07T12:10:00Z');
const T2 = new Date('2026-07-07T13:10:00Z');

const fresh: TransferState = {
  firstDepartment: 'POWER',
  currentDepartment: 'POWER',
  returnedBy: [],
  heldSince: T0,
  coordinated: false,
};
const options = { ranking: RANKING, departments: DEPARTMENTS };

describe('decideTransfer', () => {
  it('given a first return with a suggestion, when decided, then to the suggested department, with the time held', () => {
    expect(decideTransfer(fresh, { from: 'POWER', reason: '路灯归城管', suggested: 'URBAN', at: T1 }, options)).toEqual(
      {
        kind: 'transfer',
        to: 'URBAN',
        returnedBy: ['POWER'],
        step: {
          fromDepartment: 'POWER',
          toDepartment: 'URBAN',
          reason: '路灯归城管',
          heldSeconds: 600,
          at: T1.toISOString(),
        },
      },
    );
  });

  it('given a first return without a suggestion, when decided, then the classifier’s next best, never the returner', () => {
    expect(decideTransfer(fresh, { from: 'POWER', reason: '不归我们', at: T1 }, options)).toMatchObject({
      kind: 'transfer',
      to: 'URBAN',
    });
  });

  it('given a suggestion that is not a department, when decided, then the classifier decides', () => {
    expect(decideTransfer(fresh, { from: 'POWER', reason: 'x', suggested: 'MOON', at: T1 }, options)).toMatchObject({
      kind: 'transfer',
      to: 'URBAN',
    });
  });

  const atB: TransferState = { ...fresh, currentDepartment: 'URBAN', returnedBy: ['POWER'], heldSince: T1 };

  it('given B returns it to A (A → B → A), when decided, then ping-pong: A keeps it, coordination', () => {
    expect(decideTransfer(atB, { from: 'URBAN', reason: '是供电的事', suggested: 'POWER', at: T2 }, options)).toEqual({
      kind: 'coordinate',
      trigger: 'ping-pong',
      keptBy: 'POWER',
      returnedBy: ['POWER', 'URBAN'],
      step: {
        fromDepartment: 'URBAN',
        toDepartment: 'POWER',
        reason: 'coordination: 是供电的事',
        heldSeconds: 3600,
        at: T2.toISOString(),
      },
    });
  });

  it('given a second return to a third department, when decided, then transfers stop all the same', () => {
    expect(
      decideTransfer(atB, { from: 'URBAN', reason: '物业的事', suggested: 'HOUSING', at: T2 }, options),
    ).toMatchObject({
      kind: 'coordinate',
      trigger: 'second-return',
      keptBy: 'POWER',
    });
  });

  it('given the first receiver itself returns it a second time, when decided, then it keeps it with no hand-over', () => {
    const backAtA: TransferState = { ...fresh, returnedBy: ['URBAN'] };
    const decision = decideTransfer(backAtA, { from: 'POWER', reason: '还是不归我们', at: T2 }, options);
    expect(decision).toEqual({
      kind: 'coordinate',
      trigger: 'second-return',
      keptBy: 'POWER',
      returnedBy: ['URBAN', 'POWER'],
    });
  });

  it('given a request from a department that does not hold it, when decided, then ignored', () => {
    expect(decideTransfer(atB, { from: 'POWER', reason: 'x', at: T2 }, options)).toEqual({
      kind: 'ignore',
      why: 'POWER does not hold it (URBAN does)',
    });
  });

  it('given coordination already has it, when another return comes, then ignored', () => {
    expect(
      decideTransfer({ ...fresh, coordinated: true }, { from: 'POWER', reason: 'x', at: T2 }, options),
    ).toMatchObject({
      kind: 'ignore',
    });
  });
});

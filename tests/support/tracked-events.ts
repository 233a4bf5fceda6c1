import type { EventPayloads } from '@petitions/contracts';

/** Test data for intake's unit tests of what folded events mean: one petition, instants in ms after T0. */
export const PETITION = '6f1c0c52-4a39-4c8e-9b7e-2f1d8c3a9b01';
export const T0 = Date.parse('2026-03-02T08:00:00.000Z');

export function at(offsetMs: number): string {
  return new Date(T0 + offsetMs).toISOString();
}

type Event<T extends keyof EventPayloads> = { type: T; payload: EventPayloads[T] };

/** Event factories: each takes the instant it happened at (ms after T0) and the fields a test cares about. */
export const tracked = {
  received: (ms = 0): Event<'petition.received'> => ({
    type: 'petition.received',
    payload: {
      petitionId: PETITION,
      trackingCode: '2345-6789-ABCD',
      channel: 'wechat-resident',
      channelMessageId: 'wx-1',
      text: '下水道堵了',
      receivedAt: at(ms),
    },
  }),
  assigned: (ms: number, departmentCode = 'URBAN', coDepartments: string[] = []): Event<'petition.assigned'> => ({
    type: 'petition.assigned',
    payload: {
      petitionId: PETITION,
      departmentCode,
      coDepartments,
      category: 'sewer-and-drain',
      complexity: 'general',
      urgent: false,
      reason: 'keyword 下水道',
      receivedAt: at(0),
      assignedAt: at(ms),
    },
  }),
  acknowledged: (ms: number): Event<'department.acknowledged'> => ({
    type: 'department.acknowledged',
    payload: { petitionId: PETITION, departmentCode: 'URBAN', acknowledgedAt: at(ms) },
  }),
  progress: (ms: number, note = '已派人现场查看'): Event<'department.progress-reported'> => ({
    type: 'department.progress-reported',
    payload: { petitionId: PETITION, departmentCode: 'URBAN', note, reportedAt: at(ms) },
  }),
  resolved: (ms: number, result = '已疏通', departmentCode = 'URBAN'): Event<'department.resolved'> => ({
    type: 'department.resolved',
    payload: { petitionId: PETITION, departmentCode, result, resolvedAt: at(ms) },
  }),
  feedback: (ms: number, satisfied = false): Event<'petition.feedback-received'> => ({
    type: 'petition.feedback-received',
    payload: { petitionId: PETITION, satisfied, receivedAt: at(ms) },
  }),
  reopened: (ms: number, reopenCount = 1): Event<'petition.reopened'> => ({
    type: 'petition.reopened',
    payload: {
      petitionId: PETITION,
      reopenCount,
      reason: 'citizen-unsatisfied',
      comment: '还是堵的',
      previousDepartmentCode: 'URBAN',
      reopenedAt: at(ms),
    },
  }),
};

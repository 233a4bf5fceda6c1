import policyData from './policies.json';
import { checkPolicies, currentPolicyFor, policyNamed, recipientsOf, stepOffsetMs } from './policy';

describe('deadline policies', () => {
  it('given the shipped catalogue, then every policy checks and the current ones are the latest versions', () => {
    expect([...checkPolicies(policyData as Parameters<typeof checkPolicies>[0]).keys()]).toContain('complex@2');
    expect(currentPolicyFor('general', false).id).toBe('general@2');
    expect(currentPolicyFor('complex', false).id).toBe('complex@2');
  });

  it('given an urgent petition, then the urgent policy, whatever its complexity', () => {
    expect(currentPolicyFor('complex', true).id).toBe('urgent@1');
    expect(currentPolicyFor('general', true).initial.resolveWithinDays).toBeLessThan(5);
  });

  it('given a clock armed under general@1, then that version is still there to run it', () => {
    expect(policyNamed('general@1').initial.steps.map((step) => step.id)).toEqual(['breach']);
  });

  it('given complex@2, then the four-handling ladder in order: assign, supervise, summon, investigate at 100 %', () => {
    const rule = policyNamed('complex@2').initial;
    const ladder = rule.steps.filter((step) => step.step !== 'acknowledgement-overdue');
    expect(ladder.map((step) => step.step)).toEqual(['assign', 'supervise', 'summon', 'investigate']);
    const offsets = ladder.map((step) => stepOffsetMs(step, 15 * 86_400_000));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(ladder.at(-1)?.breach).toBe(true);
    expect(rule.calendar).toBe('working-days');
  });

  it('given a reopen rule, then it is shorter than the initial one', () => {
    for (const id of ['general@2', 'complex@2', 'urgent@1']) {
      const policy = policyNamed(id);
      expect(policy.reopen.resolveWithinDays).toBeLessThan(policy.initial.resolveWithinDays);
    }
  });

  it('given a step, then it names the holding department, the town and the discipline office', () => {
    const investigate = policyNamed('complex@2').initial.steps.find((step) => step.id === 'investigate');
    if (!investigate) throw new Error('no investigate step');
    expect(recipientsOf(investigate, { departmentCode: 'EDU', town: 'NANZHOU_PARK' })).toEqual([
      { role: 'department-head', code: 'EDU' },
      { role: 'district-leadership' },
      { role: 'discipline-office', code: 'DISCIPLINE' },
    ]);
    const supervise = policyNamed('complex@2').initial.steps.find((step) => step.id === 'supervise');
    if (!supervise) throw new Error('no supervise step');
    expect(recipientsOf(supervise, { departmentCode: 'EDU', town: null })).toEqual([
      { role: 'department-head', code: 'EDU' },
      { role: 'district-leadership' },
    ]);
  });

  it.each([
    [
      'two breach steps',
      [
        { id: 'a', step: 'breach', percent: 100, breach: true, notify: [] },
        { id: 'b', step: 'breach', percent: 100, breach: true, notify: [] },
      ],
    ],
    ['a breach before 100 %', [{ id: 'a', step: 'breach', percent: 90, breach: true, notify: [] }]],
    [
      'a step placed twice',
      [
        { id: 'a', step: 'reminder', percent: 50, afterHours: 3, notify: [] },
        { id: 'b', step: 'breach', percent: 100, breach: true, notify: [] },
      ],
    ],
  ])('given a policy with %s, then loading it fails', (_what, steps) => {
    const rule = { calendar: 'natural-days', resolveWithinDays: 5, steps };
    const catalogue = {
      current: {},
      policies: [{ id: 'x@1', description: '', extensionsAllowed: 0, initial: rule, reopen: rule }],
    };
    expect(() => checkPolicies(catalogue as unknown as Parameters<typeof checkPolicies>[0])).toThrow();
  });
});

import type { Complexity, DeadlineStep, RecipientRole, RecipientV1 } from '@petitions/contracts';
import { DAY_MS, type CalendarKind } from '../calendar/calendar';
import policyData from './policies.json';

const HOUR_MS = 60 * 60 * 1000;

export interface PolicyStep {
  /** Unique within the rule; with the clock id, the step's unique key. */
  id: string;
  step: DeadlineStep;
  /** Where the step sits: at the start, a share of the resolution period, or after some counted hours. */
  atStart?: boolean;
  percent?: number;
  afterHours?: number;
  /** The step at which the clock is overdue (exactly one per rule, at 100 %). */
  breach?: boolean;
  notify: RecipientRole[];
}

export interface ClockRule {
  calendar: CalendarKind;
  resolveWithinDays: number;
  steps: PolicyStep[];
}

export interface Policy {
  /** `<code>@<version>`, e.g. `complex@2`. */
  id: string;
  description: string;
  /** Extensions the level above may approve without re-opening the allowance (一次; more only if approved again). */
  extensionsAllowed: number;
  initial: ClockRule;
  /** The shorter rule of the new clock a reopened petition gets. */
  reopen: ClockRule;
}

export type RuleName = 'initial' | 'reopen';
export type PolicyClass = 'general' | 'complex' | 'urgent';

interface PolicyCatalogue {
  current: Record<PolicyClass, string>;
  policies: Policy[];
}

/** Checks a catalogue once, at load: a broken policy must stop the service, not a clock at 3 a.m. */
export function checkPolicies(catalogue: PolicyCatalogue): Map<string, Policy> {
  const byId = new Map<string, Policy>();
  for (const policy of catalogue.policies) {
    if (byId.has(policy.id)) throw new Error(`policy ${policy.id} is defined twice`);
    for (const name of ['initial', 'reopen'] as const) checkRule(policy.id, name, policy[name]);
    byId.set(policy.id, policy);
  }
  for (const [kind, id] of Object.entries(catalogue.current)) {
    if (!byId.has(id)) throw new Error(`current ${kind} policy ${id} is not defined`);
  }
  return byId;
}

function checkRule(policyId: string, name: string, rule: ClockRule): void {
  const where = `${policyId} ${name}`;
  if (!(rule.resolveWithinDays > 0)) throw new Error(`${where}: resolveWithinDays must be positive`);
  const ids = new Set(rule.steps.map((step) => step.id));
  if (ids.size !== rule.steps.length) throw new Error(`${where}: step ids must be unique`);
  for (const step of rule.steps) {
    const placements = [step.atStart === true, step.percent !== undefined, step.afterHours !== undefined];
    if (placements.filter(Boolean).length !== 1) throw new Error(`${where} ${step.id}: exactly one placement`);
    if (step.percent !== undefined && !(step.percent > 0 && step.percent <= 100)) {
      throw new Error(`${where} ${step.id}: percent must be in (0, 100]`);
    }
  }
  const breaches = rule.steps.filter((step) => step.breach);
  if (breaches.length !== 1 || breaches[0]?.percent !== 100) {
    throw new Error(`${where}: exactly one breach step, at 100 %`);
  }
}

const CATALOGUE = policyData as PolicyCatalogue;
const POLICIES = checkPolicies(CATALOGUE);

/** The current policy for a new petition: urgent ones get the tighter urgent policy whatever their complexity. */
export function currentPolicyFor(complexity: Complexity, urgent: boolean): Policy {
  return policyNamed(CATALOGUE.current[urgent ? 'urgent' : complexity]);
}

/** A policy by id, current or not: a clock keeps the version it started under. */
export function policyNamed(id: string): Policy {
  const policy = POLICIES.get(id);
  if (!policy) throw new Error(`unknown deadline policy ${id}`);
  return policy;
}

/** The resolution period in counted milliseconds. */
export function budgetMsOf(rule: ClockRule): number {
  return rule.resolveWithinDays * DAY_MS;
}

/** A step's place on the clock in counted milliseconds (0 for the start), for a period of `budgetMs`. */
export function stepOffsetMs(step: PolicyStep, budgetMs: number): number {
  if (step.atStart) return 0;
  if (step.afterHours !== undefined) return step.afterHours * HOUR_MS;
  return Math.round(((step.percent ?? 100) / 100) * budgetMs);
}

/** Whom a step notifies, by name: the holding department's head, the petition's town (when known), … */
export function recipientsOf(
  step: PolicyStep,
  context: { departmentCode: string; town: string | null },
): RecipientV1[] {
  return step.notify.flatMap((role): RecipientV1[] => {
    switch (role) {
      case 'department-head':
        return [{ role, code: context.departmentCode }];
      case 'town':
        return context.town ? [{ role, code: context.town }] : [];
      case 'district-leadership':
        return [{ role }];
      case 'discipline-office':
        return [{ role, code: 'DISCIPLINE' }];
    }
  });
}

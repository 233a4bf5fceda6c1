import { Injectable } from '@nestjs/common';
import { ClockLifeRepository } from './clock-life.repository';
import { ClockRepository } from './clock.repository';
import { pendingSteps } from './clock-schedule';
import { policyLabel, ruleOf, timelineOf } from './clock-timeline';

export interface StepView {
  stepId: string;
  step: string;
  status: 'fired' | 'skipped' | 'pending';
  /** When it fired, or when it is due as things stand (null while the clock is paused). */
  at: string | null;
  notify: string[];
}

export interface ClockView {
  clockId: string;
  round: number;
  policy: string;
  calendar: string;
  state: string;
  departmentCode: string;
  startedAt: string;
  dueAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  steps: StepView[];
  extensions: { extensionId: string; days: number; state: string; decidedBy: string | null }[];
}

export interface HoldingView {
  clockId: string;
  departmentCode: string;
  heldFrom: string;
  heldUntil: string | null;
  countedSeconds: number | null;
  endedBy: string | null;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** What GET /clocks/{petitionId} shows: every clock of the petition, its steps, extensions and holdings. */
@Injectable()
export class ClockViews {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly life: ClockLifeRepository,
  ) {}

  async ofPetition(petitionId: string): Promise<{ clocks: ClockView[]; holdings: HoldingView[] } | null> {
    const clocks = await this.clocks.allOfPetition(petitionId);
    if (clocks.length === 0) return null;
    const views = await Promise.all(
      clocks.map(async (clock): Promise<ClockView> => {
        const done = await this.clocks.stepsOf(clock.id);
        const rule = ruleOf(clock);
        const pending = pendingSteps({
          timeline: timelineOf(clock),
          rule,
          done: new Set(done.map((step) => step.stepId)),
          acknowledgedAt: null,
        });
        const notifyOf = (id: string): string[] => rule.steps.find((step) => step.id === id)?.notify ?? [];
        const steps: StepView[] = [
          ...done.map((step) => ({
            stepId: step.stepId,
            step: rule.steps.find((candidate) => candidate.id === step.stepId)?.step ?? step.stepId,
            status: step.outcome,
            at: iso(step.reachedAt),
            notify: notifyOf(step.stepId),
          })),
          ...(clock.state === 'stopped' ? [] : pending).map(({ step, at }) => ({
            stepId: step.id,
            step: step.step,
            status: 'pending' as const,
            at: iso(at),
            notify: step.notify,
          })),
        ];
        return {
          clockId: clock.id,
          round: clock.round,
          policy: policyLabel(clock),
          calendar: rule.calendar,
          state: clock.state,
          departmentCode: clock.departmentCode,
          startedAt: clock.startedAt.toISOString(),
          dueAt: iso(clock.dueAt),
          breachedAt: iso(clock.breachedAt),
          stoppedAt: iso(clock.stoppedAt),
          steps,
          extensions: (await this.life.extensionsOf(clock.id)).map((extension) => ({
            extensionId: extension.id,
            days: extension.days,
            state: extension.state,
            decidedBy: extension.decidedBy,
          })),
        };
      }),
    );
    const holdings = (await this.life.holdingsOfPetition(petitionId)).map((holding) => ({
      clockId: holding.clockId,
      departmentCode: holding.departmentCode,
      heldFrom: holding.heldFrom.toISOString(),
      heldUntil: iso(holding.heldUntil),
      countedSeconds: holding.countedMs === null ? null : Math.round(holding.countedMs / 1000),
      endedBy: holding.endedBy,
    }));
    return { clocks: views, holdings };
  }
}

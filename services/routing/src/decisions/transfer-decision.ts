import type { CoordinationTrigger, TransferStepV1 } from '@petitions/contracts';

/** Where a petition stands between departments. */
export interface TransferState {
  /** The department that received it first (首接): it keeps the petition when transfers stop. */
  firstDepartment: string;
  currentDepartment: string;
  /** Departments that asked to give it away so far, in order. */
  returnedBy: readonly string[];
  /** Since when the current department holds it. */
  heldSince: Date;
  /** Transfers already stopped: district coordination has it. */
  coordinated: boolean;
}

/** A department's "not ours" (退回). */
export interface TransferRequest {
  from: string;
  reason: string;
  suggested?: string;
  at: Date;
}

export type TransferDecision =
  | { kind: 'ignore'; why: string }
  | { kind: 'transfer'; to: string; step: TransferStepV1; returnedBy: string[] }
  | { kind: 'coordinate'; trigger: CoordinationTrigger; keptBy: string; step?: TransferStepV1; returnedBy: string[] };

/** At the second return transfers stop (首接负责制): one department may pass a petition on, not two. */
export const MAX_RETURNS = 2;

function stepOf(from: string, to: string, reason: string, heldSince: Date, at: Date): TransferStepV1 {
  return {
    fromDepartment: from,
    toDepartment: to,
    reason: reason.slice(0, 500),
    heldSeconds: Math.max(0, Math.round((at.getTime() - heldSince.getTime()) / 1000)),
    at: at.toISOString(),
  };
}

/**
 * Decides a transfer request without buck-passing. Pure.
 * - Only the department holding the petition may return it, and not once coordination has it.
 * - It goes away from every department that already returned it: to the suggested department if that one has not,
 *   else to the classifier's next best that has not.
 * - On the second return, or a request to send it back to a department that returned it (A → B → A), transfers
 *   stop: the first receiver keeps it and it goes to district coordination.
 */
export function decideTransfer(
  state: TransferState,
  request: TransferRequest,
  options: { ranking: readonly string[]; departments: readonly string[] },
): TransferDecision {
  if (state.coordinated) return { kind: 'ignore', why: 'district coordination has it: the first receiver keeps it' };
  if (request.from !== state.currentDepartment) {
    return { kind: 'ignore', why: `${request.from} does not hold it (${state.currentDepartment} does)` };
  }
  const returnedBy = [...state.returnedBy, request.from];
  const pingPong = request.suggested !== undefined && state.returnedBy.includes(request.suggested);
  if (pingPong || returnedBy.length >= MAX_RETURNS) {
    const keptBy = state.firstDepartment;
    return {
      kind: 'coordinate',
      trigger: pingPong ? 'ping-pong' : 'second-return',
      keptBy,
      ...(keptBy !== request.from
        ? { step: stepOf(request.from, keptBy, `coordination: ${request.reason}`, state.heldSince, request.at) }
        : {}),
      returnedBy,
    };
  }
  const open = (code: string | undefined): code is string =>
    code !== undefined && options.departments.includes(code) && !returnedBy.includes(code);
  const to = [request.suggested, ...options.ranking].find(open);
  if (!to) return { kind: 'coordinate', trigger: 'second-return', keptBy: state.firstDepartment, returnedBy };
  return {
    kind: 'transfer',
    to,
    step: stepOf(request.from, to, request.reason, state.heldSince, request.at),
    returnedBy,
  };
}

import { DEMO_DISTRICT } from '@petitions/district';
import { ClockCommandErrorCode } from './clock-command.error';

export const APPROVER_LEVELS = ['town', 'district-leadership'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

/**
 * The level above a department, who approves its extensions: district leadership for the district's functional
 * departments and for the towns (属地); a village or community would answer to its town.
 */
export function levelAbove(departmentCode: string): ApproverLevel {
  const department = DEMO_DISTRICT.departments.find((candidate) => candidate.code === departmentCode);
  return department?.kind === 'village' ? 'town' : 'district-leadership';
}

/**
 * Why a department may not ask for an extension now, or undefined if it may: one request at a time; at most
 * `allowed` approved extensions, plus one more for each approval that allowed another ("once unless approved again").
 */
export function extensionRefusal(
  allowed: number,
  history: readonly { state: string; allowAnother: boolean }[],
): { code: ClockCommandErrorCode; message: string } | undefined {
  if (history.some((extension) => extension.state === 'requested')) {
    return { code: ClockCommandErrorCode.ExtensionPending, message: 'an extension request is waiting for a decision' };
  }
  const approved = history.filter((extension) => extension.state === 'approved');
  const allowance = allowed + approved.filter((extension) => extension.allowAnother).length;
  if (approved.length >= allowance) {
    return {
      code: ClockCommandErrorCode.ExtensionNotAllowed,
      message: `${approved.length} extension(s) already approved; another needs the level above to allow it`,
    };
  }
  return undefined;
}

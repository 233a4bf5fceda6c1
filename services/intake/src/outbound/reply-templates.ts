import type { ReplyKind } from '@petitions/contracts';
import { departmentNamed } from '@petitions/district';

/** What a reply says, by kind: the facts its template needs besides the tracking code. */
export type ReplyContent =
  | { kind: 'receipt' }
  | { kind: 'assignment'; departmentCode: string; coDepartments: readonly string[] }
  | { kind: 'progress'; departmentCode: string; note: string }
  | { kind: 'result'; departmentCode: string; result: string }
  | { kind: 'survey' };

/** The words a citizen answers the survey with (满意 / 不满意); channels map them to `satisfied`. */
export const SURVEY_ANSWERS = { satisfied: '满意', unsatisfied: '不满意' } as const;

/** The department's name in the district's reference data (district.json), or its code when the district lacks it. */
function nameOf(departmentCode: string): string {
  return departmentNamed(departmentCode)?.name ?? departmentCode;
}

function petitionRef(trackingCode: string): string {
  return `您的诉求（查询码 ${trackingCode}）`;
}

function assignmentText(trackingCode: string, departmentCode: string, coDepartments: readonly string[]): string {
  const helpers = coDepartments.length > 0 ? `，${coDepartments.map(nameOf).join('、')}协办` : '';
  return `${petitionRef(trackingCode)}已交由${nameOf(departmentCode)}办理${helpers}。`;
}

/**
 * The Chinese text of a reply, ready to send. Pure: the same content always gives the same words. Every reply names
 * the tracking code, so any one of them is enough to look the petition up or to answer the survey.
 */
export function replyText(trackingCode: string, content: ReplyContent): string {
  switch (content.kind) {
    case 'receipt':
      return `已收到您的诉求，查询码 ${trackingCode}。我们将尽快交有关部门办理，您可凭查询码查询办理进度。`;
    case 'assignment':
      return assignmentText(trackingCode, content.departmentCode, content.coDepartments);
    case 'progress':
      return `${petitionRef(trackingCode)}有新进展。${nameOf(content.departmentCode)}：“${content.note}”`;
    case 'result':
      return `${petitionRef(trackingCode)}已办结。${nameOf(content.departmentCode)}的办理结果：“${content.result}”`;
    case 'survey':
      return (
        `请您对${petitionRef(trackingCode)}的办理结果进行评价：满意请回复“${SURVEY_ANSWERS.satisfied}”；` +
        `不满意请回复“${SURVEY_ANSWERS.unsatisfied}”并写明原因，我们将重新交办。`
      );
  }
}

/** The kinds in the order a petition goes through them (for logs and tests). */
export function kindsOf(contents: readonly ReplyContent[]): ReplyKind[] {
  return contents.map((content) => content.kind);
}

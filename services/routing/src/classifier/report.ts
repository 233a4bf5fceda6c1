import type { Evaluation } from './evaluation';

const pad = (text: string, width: number): string => text.padEnd(width);
const num = (value: number): string => value.toFixed(3).padStart(9);

/** The human-readable table `routing:eval` prints before its JSON line. */
export function formatEvaluation(evaluation: Evaluation, title: string, topConfusions = 10): string {
  const { summary } = evaluation;
  const lines = [
    title,
    '',
    `${pad('department', 12)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'support'.padStart(9)}${'predicted'.padStart(10)}`,
    ...evaluation.departments.map(
      (row) =>
        `${pad(row.code, 12)}${num(row.precision)}${num(row.recall)}${String(row.support).padStart(9)}${String(row.predicted).padStart(10)}`,
    ),
    '',
    `cases                 ${summary.cases}`,
    `accuracy (top-1)      ${summary.accuracy.toFixed(3)}`,
    `co-departments        recall ${summary.co_department_recall.toFixed(3)}, precision ${evaluation.coDepartmentPrecision.toFixed(3)} (${evaluation.coDepartmentsExpected} expected, ${evaluation.coDepartmentsPredicted} predicted)`,
    `complexity accuracy   ${summary.complexity_accuracy.toFixed(3)}`,
    `urgent                recall ${summary.urgent_recall.toFixed(3)}, precision ${evaluation.urgentPrecision.toFixed(3)} (${evaluation.urgentExpected} expected, ${evaluation.urgentPredicted} predicted)`,
    '',
    summary.confusions.length ? 'top confusions (expected → got: count)' : 'no confusions',
    ...summary.confusions
      .slice(0, topConfusions)
      .map(([expected, got, count]) => `  ${pad(expected, 11)}→ ${pad(got, 11)}${count}`),
  ];
  return `${lines.join('\n')}\n`;
}

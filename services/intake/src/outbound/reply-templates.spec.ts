import { MAX_REPLY_TEXT_LENGTH } from '@petitions/contracts';
import { departmentNamed } from '@petitions/district';
import { replyText, SURVEY_ANSWERS } from './reply-templates';

const CODE = '7KQ2-M9XD-4HTA';
const URBAN = departmentNamed('URBAN')?.name ?? '';
const WATER = departmentNamed('WATER')?.name ?? '';

describe('replyText', () => {
  it('given the district names its departments, then the names are Chinese', () => {
    expect(URBAN).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(WATER).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('given a receipt, then it says the petition was received and gives the tracking code', () => {
    const text = replyText(CODE, { kind: 'receipt' });
    expect(text.startsWith(`已收到您的诉求，查询码 ${CODE}`)).toBe(true);
  });

  it('given an assignment, then it names the department from district.json', () => {
    expect(replyText(CODE, { kind: 'assignment', departmentCode: 'URBAN', coDepartments: [] })).toBe(
      `您的诉求（查询码 ${CODE}）已交由${URBAN}办理。`,
    );
  });

  it('given an assignment with co-departments, then they are named as helping (协办)', () => {
    const text = replyText(CODE, {
      kind: 'assignment',
      departmentCode: 'URBAN',
      coDepartments: ['WATER', 'X_UNKNOWN'],
    });
    expect(text).toBe(`您的诉求（查询码 ${CODE}）已交由${URBAN}办理，${WATER}、X_UNKNOWN协办。`);
  });

  it('given progress, then it quotes the department’s note', () => {
    expect(replyText(CODE, { kind: 'progress', departmentCode: 'URBAN', note: '已派人现场查看' })).toBe(
      `您的诉求（查询码 ${CODE}）有新进展。${URBAN}：“已派人现场查看”`,
    );
  });

  it('given a result, then it quotes the department’s result', () => {
    expect(replyText(CODE, { kind: 'result', departmentCode: 'URBAN', result: '已疏通下水道' })).toBe(
      `您的诉求（查询码 ${CODE}）已办结。${URBAN}的办理结果：“已疏通下水道”`,
    );
  });

  it('given a survey, then it asks satisfied or unsatisfied and how to answer', () => {
    const text = replyText(CODE, { kind: 'survey' });
    expect(text).toContain(CODE);
    expect(text).toContain(`回复“${SURVEY_ANSWERS.satisfied}”`);
    expect(text).toContain(`回复“${SURVEY_ANSWERS.unsatisfied}”并写明原因`);
  });

  it('given the longest note or result a department may send, then the reply still fits the contract', () => {
    const longest = '很'.repeat(4000);
    const department = 'DISCIPLINE';
    for (const text of [
      replyText(CODE, { kind: 'progress', departmentCode: department, note: longest }),
      replyText(CODE, { kind: 'result', departmentCode: department, result: longest }),
    ]) {
      expect(text.length).toBeLessThanOrEqual(MAX_REPLY_TEXT_LENGTH);
    }
  });
});

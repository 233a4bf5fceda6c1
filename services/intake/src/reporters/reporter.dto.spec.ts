import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { SubmitPetitionDto } from '../petitions/submit-petition.dto';

// The pipe intake's module installs for every request body.
const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const petition = { channel: 'wechat-resident', channelMessageId: 'm-1', text: '南江北路下水道堵塞' };

async function submitted(reporter: unknown): Promise<SubmitPetitionDto> {
  return (await pipe.transform({ ...petition, reporter }, { type: 'body', metatype: SubmitPetitionDto })) as never;
}

async function problems(reporter: unknown): Promise<string[]> {
  try {
    await submitted(reporter);
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { message: string[] }).message;
    throw error;
  }
  throw new Error('expected the body to be rejected');
}

describe('SubmitPetitionDto.reporter', () => {
  it('given no reporter, or an empty one, then the petition is accepted without one', async () => {
    const without = (await pipe.transform(petition, {
      type: 'body',
      metatype: SubmitPetitionDto,
    })) as SubmitPetitionDto;
    expect(without.reporter).toBeUndefined();
    expect((await submitted({})).reporter).toEqual({});
  });

  it('given every field in usual notations, then each is trimmed and normalised', async () => {
    const { reporter } = await submitted({
      name: '  测试人欧阳某某 ',
      phone: '+86 138-1234-5678',
      idNumber: ' 52263320000320486x ',
      handle: ' wx_居民42 ',
    });
    expect(reporter).toEqual({
      name: '测试人欧阳某某',
      phone: '13812345678',
      idNumber: '52263320000320486X',
      handle: 'wx_居民42',
    });
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['0086 15327787706', '15327787706'],
    ['(0731)8456 1234', '0731-84561234'],
    ['010-62345678', '010-62345678'],
    ['0731-84561234-123', '0731-84561234-123'],
    ['0731 84561234转8', '0731-84561234-8'],
  ])('given the phone %j, then it is stored as %j', async (phone, normalised) => {
    expect((await submitted({ phone })).reporter?.phone).toBe(normalised);
  });

  it.each([
    ['a mobile number too short', { phone: '1381234567' }, /reporter\.phone must be a mainland mobile or landline/],
    ['a number that is no phone', { phone: '12345678901' }, /reporter\.phone must be a mainland/],
    ['a wrong check digit', { idNumber: '430111197503149315' }, /reporter\.idNumber must be an 18-character/],
    ['a 15-digit ID number', { idNumber: '430223430727462' }, /reporter\.idNumber must be an 18-character/],
    ['an empty name', { name: '  ' }, /reporter\.name must be longer than or equal to 1/],
    ['a name of 51 characters', { name: '名'.repeat(51) }, /reporter\.name must be shorter than or equal to 50/],
    ['a handle of 101 characters', { handle: 'h'.repeat(101) }, /reporter\.handle must be shorter than or equal/],
    ['a number as name', { name: 42 }, /reporter\.name must be a string/],
    ['an unknown field', { email: 'a@b.c' }, /reporter\.property email should not exist/],
  ])('given %s, then 400 naming the field and never quoting the value', async (_case, reporter, expected) => {
    const messages = (await problems(reporter)).join('\n');
    expect(messages).toMatch(expected);
    for (const value of Object.values(reporter)) {
      if (typeof value === 'string' && value.trim() !== '') expect(messages).not.toContain(value);
    }
  });

  it.each([
    ['a string', '13812345678'],
    ['an array', [{ name: '张三' }]],
  ])('given %s instead of an object, then 400', async (_case, reporter) => {
    expect((await problems(reporter)).join('\n')).toMatch(/reporter must be an object/);
  });
});

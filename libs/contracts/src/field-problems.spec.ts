import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { fieldProblemsOf, problemLines } from './field-problems';

class Line {
  @IsString() name!: string;
  @IsInt() @Min(1) quantity!: number;
}

class Contact {
  @IsString() phone!: string;
}

class Order {
  @IsString() text!: string;
  @IsObject() @ValidateNested() @Type(() => Contact) reporter!: Contact;
  @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
}

function errorsOf(plain: object): ReturnType<typeof validateSync> {
  return validateSync(plainToInstance(Order, plain), { whitelist: true, forbidNonWhitelisted: true });
}

describe('fieldProblemsOf', () => {
  it('given bad nested fields, then each by its path (dots for objects, brackets for array items) with every reason', () => {
    const fields = fieldProblemsOf(
      errorsOf({
        text: 7,
        reporter: { phone: 138 },
        lines: [
          { name: 'ok', quantity: 1 },
          { name: 'x', quantity: 0 },
        ],
        status: 'done',
      }),
    );
    expect(fields).toEqual([
      { field: 'status', problems: ['property status should not exist'] },
      { field: 'text', problems: ['text must be a string'] },
      { field: 'reporter.phone', problems: ['phone must be a string'] },
      { field: 'lines[1].quantity', problems: ['quantity must not be less than 1'] },
    ]);
  });

  it('given a field that is itself wrong (an array where an object belongs), then the field alone, not its items', () => {
    const fields = fieldProblemsOf(errorsOf({ text: 'ok', reporter: [{ phone: 1 }, 2, 3], lines: [] }));
    expect(fields).toEqual([{ field: 'reporter', problems: ['reporter must be an object'] }]);
  });

  it('given a rejected value, then it is never in the problems (it may be personal data)', () => {
    const fields = fieldProblemsOf(errorsOf({ text: 'ok', reporter: { phone: 13812345678 }, lines: [] }));
    expect(JSON.stringify(fields)).not.toContain('13812345678');
  });
});

describe('problemLines', () => {
  it('given fields with problems, then one "<field>: <problem>" line per problem', () => {
    expect(
      problemLines([
        { field: 'text', problems: ['a', 'b'] },
        { field: 'x.y', problems: ['c'] },
      ]),
    ).toEqual(['text: a', 'text: b', 'x.y: c']);
  });
});

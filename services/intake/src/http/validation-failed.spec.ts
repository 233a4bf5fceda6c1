import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { fieldProblemsOf, validationFailed } from './validation-failed';

class Line {
  @IsString() name!: string;
  @IsInt() @Min(1) quantity!: number;
}

class Contact {
  @IsString() phone!: string;
}

class Order {
  @IsString() text!: string;
  @ValidateNested() @Type(() => Contact) reporter!: Contact;
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

  it('given a rejected value, then it is never in the problems (it may be personal data)', () => {
    const fields = fieldProblemsOf(errorsOf({ text: 'ok', reporter: { phone: 13812345678 }, lines: [] }));
    expect(JSON.stringify(fields)).not.toContain('13812345678');
  });
});

describe('validationFailed', () => {
  it('given errors, then VALIDATION_FAILED (400) naming the fields, with the fields', () => {
    const error = validationFailed(errorsOf({ text: 'ok', reporter: {}, lines: [] }));
    expect(error.status).toBe(400);
    expect(error.toBody()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'the request has invalid fields: reporter.phone',
        fields: [{ field: 'reporter.phone', problems: ['phone must be a string'] }],
      },
    });
  });
});

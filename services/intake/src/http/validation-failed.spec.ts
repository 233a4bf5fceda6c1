import { plainToInstance } from 'class-transformer';
import { IsString, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { invalidFields, validationFailed } from './validation-failed';

class Contact {
  @IsString() phone!: string;
}

class Order {
  @IsString() text!: string;
  @ValidateNested() @Type(() => Contact) reporter!: Contact;
}

function errorsOf(plain: object): ReturnType<typeof validateSync> {
  return validateSync(plainToInstance(Order, plain), { whitelist: true, forbidNonWhitelisted: true });
}

describe('validationFailed', () => {
  it('given errors, then VALIDATION_FAILED (400) naming the fields by their paths, with the fields', () => {
    const error = validationFailed(errorsOf({ text: 'ok', reporter: {} }));
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

describe('invalidFields', () => {
  it('given a problem of the body itself (no path), then it is named "(body)"', () => {
    expect(
      invalidFields([
        { field: '', problems: ['x'] },
        { field: 'text', problems: ['y'] },
      ]).toBody(),
    ).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'the request has invalid fields: (body), text',
        fields: [
          { field: '(body)', problems: ['x'] },
          { field: 'text', problems: ['y'] },
        ],
      },
    });
  });
});

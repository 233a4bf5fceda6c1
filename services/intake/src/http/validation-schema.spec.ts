import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, ValidateBy, ValidateNested } from 'class-validator';
import { schemaOfDto } from './validation-schema';

const IsEven = (): PropertyDecorator =>
  ValidateBy({ name: 'isEven', validator: { validate: (value: unknown) => Number(value) % 2 === 0 } });

class Inner {
  @IsOptional() @IsString() @Length(1, 5) note?: string;
}

class Outer {
  @IsIn(['a', 'b']) kind!: string;
  @IsString() @Length(2, 9) name!: string;
  @IsOptional() @Matches(/^[A-Z]+$/) code?: string;
  @IsInt() @IsEven() count!: number;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

describe('schemaOfDto', () => {
  it('given a DTO, then its rules as a JSON schema: types, enums, lengths, patterns, required, nested, closed', () => {
    expect(schemaOfDto(Outer)).toEqual({
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['a', 'b'] },
        name: { type: 'string', minLength: 2, maxLength: 9 },
        code: { pattern: '^[A-Z]+$' },
        count: { type: 'integer', description: 'also checked: isEven' },
        inner: {
          type: 'object',
          properties: { note: { type: 'string', minLength: 1, maxLength: 5 } },
          additionalProperties: false,
        },
      },
      required: ['kind', 'name', 'count'],
      additionalProperties: false,
    });
  });
});

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

function trimmed({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

/** `POST /admin/groups/{groupId}/split`: which petition does not belong, and why. */
export class SplitPetitionDto {
  @ApiProperty({ format: 'uuid', description: 'The member to take out of the group.' })
  @IsUUID()
  petitionId!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: '另一条街的下水道，不是同一处堵塞' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  @Matches(/^[^\u0000]*$/, { message: '$property must not contain the NUL character (U+0000)' })
  reason!: string;
}

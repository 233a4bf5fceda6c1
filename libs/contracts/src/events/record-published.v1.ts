import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

/** disclosure.events · `record.published` v1: a public record went onto the board (hash-chained). */
export class RecordPublishedV1 {
  static readonly type = 'record.published';
  static readonly version = 1;
  @IsUUID() recordId!: string;
  @IsUUID() petitionId!: string;
  @IsInt() @Min(1) sequence!: number;
  @Matches(/^[0-9a-f]{64}$/) hash!: string;
  @IsString() @Length(1, 64) departmentCode!: string;
  @IsISO8601({ strict: true }) publishedAt!: string;
}

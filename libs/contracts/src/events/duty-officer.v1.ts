import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export const DUTY_LEVELS_V1 = ['district', 'town', 'village', 'grid'] as const;
export type DutyLevelV1 = (typeof DUTY_LEVELS_V1)[number];

/** An official on the district's duty roster (值班), acting in office, as named in routing's events. */
export class DutyOfficerV1 {
  /** The roster's level: district, town, village (any unit: 村, 社区, 园区) or grid (网格). */
  @IsIn(DUTY_LEVELS_V1) level!: DutyLevelV1;
  /** The code of the district, town, unit or grid whose roster names them. */
  @IsString() @Length(1, 64) scope!: string;
  @IsString() @Length(1, 64) personId!: string;
  @IsString() @Length(1, 100) name!: string;
  @IsString() @Length(1, 100) role!: string;
  /** The channel and handle through which they are notified. */
  @IsOptional() @IsString() @Length(1, 64) channel?: string;
  @IsOptional() @IsString() @Length(1, 200) handle?: string;
}

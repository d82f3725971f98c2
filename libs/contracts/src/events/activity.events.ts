import { IsInt, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** An entry of the lab's activity log (system of record: the `audit` app). */
export class ActivityLogged {
  @IsInt() labId: number;
  /** Activity code, e.g. 981 RERUN_REQUESTED, or the category (648 critical callout). */
  @IsInt() logCategoryId: number;
  @IsOptional() @IsInt() labReportId?: number;
  @IsOptional() @IsInt() billId?: number;
  @IsString() @MaxLength(100) userId: string;
  @IsString() @MaxLength(200) labUserName: string;
  @IsString() @MaxLength(2000) activityText: string;
  @IsOptional() @IsObject() meta?: Record<string, unknown>;
  @IsISO8601() activityDate: string;
}

import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, MaxLength,
} from 'class-validator';

/**
 * A callout was recorded for reports of one bill (critical-callout). Reporting moves each report's
 * criticalValues forward (attempted / done) and keeps the bill's latest draft for the records read.
 */
export class CriticalCalloutRecorded {
  @IsInt() calloutId: number;
  @IsInt() labId: number;
  @IsInt() billId: number;
  @IsIn(['draft', 'attempted', 'done']) kind: 'draft' | 'attempted' | 'done';
  @IsArray() @IsInt({ each: true }) labReportIds: number[];
  /** seed 001 callout_for: the testIDs of the reports the callout is for. */
  @IsArray() @IsInt({ each: true }) testIds: number[];
  @IsArray() @IsString({ each: true }) recipients: string[];
  @IsArray() @IsString({ each: true }) communicationMethods: string[];
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @IsObject() criticalValuesMeta: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(200) contactedPerson?: string;
  @IsOptional() @IsBoolean() readBack?: boolean;
  @IsString() @MaxLength(100) performedByUserId: string;
  @IsString() @MaxLength(200) performedByName: string;
  @IsISO8601() recordedAt: string;
}

/**
 * Beyond seed 001: a critical value was still not called out (no done callout) after the lab's allowed
 * time (CLSI GP47 asks labs to define and monitor it). Published once per pending episode.
 */
export class CriticalCalloutOverdue {
  @IsInt() labId: number;
  @IsInt() labReportId: number;
  @IsInt() billId: number;
  @IsInt() testId: number;
  @IsISO8601() pendingSince: string;
  @IsInt() allowedMinutes: number;
  @IsISO8601() overdueAt: string;
}

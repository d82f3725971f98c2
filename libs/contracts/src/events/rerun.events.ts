import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested,
} from 'class-validator';

/**
 * seed 000 §6: an auto rerun qualified. Replaces the spec's internal Fusion webhook: the `rerun`
 * app records the auto request (as the system user -1) in the same write, so no one has to act on it.
 */
export class RerunRequested {
  @IsInt() labReportId: number;
  @IsIn(['auto', 'Manual']) type: 'auto' | 'Manual';
  @Matches(/^\d+$/) rerun_number: string;
  /** JSON array of parameter indexes, as a string, exactly like the spec's body. */
  @IsString() requested_parameters: string;
  @IsBoolean() is_active: boolean;
  @IsInt() lab_id: number;
  @IsOptional() @IsArray() @IsString({ each: true }) parameter_names?: string[];
  @IsOptional() @IsString() sampleId?: string;
}

/**
 * Every rerun lifecycle event carries its position in the lifecycle: `lifecycleEpoch` (when the
 * lifecycle document was opened, ms) then `sequence` (1, 2, … within it). The events of one lab report
 * travel on several topics, so a consumer keeps the highest (epoch, sequence) it applied and never lets
 * an older event overwrite sampleRedrawFlag.
 */
export class RerunLifecyclePosition {
  @IsInt() labId: number;
  @IsInt() labReportId: number;
  @IsInt() lifecycleEpoch: number;
  @IsInt() sequence: number;
}

/** seed 000 §3: a rerun request was saved; reporting sets sampleRedrawFlag = 3. */
export class RerunRequestRecorded extends RerunLifecyclePosition {
  @IsIn(['auto', 'Manual']) type: 'auto' | 'Manual';
  @IsInt() rerunNumber: number;
  @IsArray() @IsInt({ each: true }) requestedParameters: number[];
  @IsString() @MaxLength(100) requestedBy: string;
  @IsISO8601() requestedAt: string;
}

export class RerunValue {
  @IsString() @MaxLength(64) id: string;
  @IsInt() index: number;
  @IsString() @MaxLength(500) value: string;
  @IsString() @MaxLength(200) parameterName: string;
  @IsInt() rerunNumber: number;
  @IsString() @MaxLength(50) rerunType: string;
  @IsString() @MaxLength(100) deviceId: string;
  @IsString() @MaxLength(200) deviceName: string;
  @IsISO8601() createdAt: string;
}

/** seed 000 §2: instrument values stored; `fulfilled` → reporting sets sampleRedrawFlag = 4. */
export class RerunValuesReceived extends RerunLifecyclePosition {
  @IsIn(['instrument triggered', 'manual triggered']) trigger: 'instrument triggered' | 'manual triggered';
  @IsInt() rerunNumber: number;
  @IsBoolean() fulfilled: boolean;
  @IsArray() @IsInt({ each: true }) missingParameters: number[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RerunValue) values: RerunValue[];
}

/** One confirmed parameter: the value chosen and where it came from. */
export class RerunConfirmedValue {
  @IsInt() index: number;
  @IsString() @MaxLength(500) value: string;
  @IsOptional() @IsString() @MaxLength(200) parameterName?: string;
  @IsOptional() @IsInt() profileTestId?: number;
  @IsOptional() @IsInt() order?: number;
  @IsOptional() @IsInt() highlight?: number;
  @IsOptional() @IsInt() automatedValue?: number;
  /** `original`: the report's value was kept; `rerun`: a rerun value (rerunNumber) was chosen; `entered`: neither. */
  @IsIn(['original', 'rerun', 'entered']) choice: 'original' | 'rerun' | 'entered';
  @IsOptional() @IsInt() chosenRerunNumber?: number;
}

export class RerunOriginalValue {
  @IsInt() index: number;
  @IsString() @MaxLength(500) value: string;
}

/**
 * seed 000 §4: reporting replaces the values at the confirmed indexes and sets sampleRedrawFlag = 0.
 * Beyond the spec, nothing is forgotten: originals, every rerun value and the choice travel here.
 */
export class RerunConfirmed extends RerunLifecyclePosition {
  @IsArray() @ValidateNested({ each: true }) @Type(() => RerunConfirmedValue) confirmed: RerunConfirmedValue[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RerunOriginalValue) originalValues: RerunOriginalValue[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RerunValue) rerunValues: RerunValue[];
  @IsString() @MaxLength(100) confirmedBy: string;
  @IsISO8601() confirmedAt: string;
}

/** seed 000 §5: the rerun was aborted; reporting sets sampleRedrawFlag = 0, values untouched. */
export class RerunCancelled extends RerunLifecyclePosition {
  @IsArray() @ValidateNested({ each: true }) @Type(() => RerunValue) rerunValues: RerunValue[];
  @IsString() @MaxLength(100) cancelledBy: string;
  @IsISO8601() cancelledAt: string;
}

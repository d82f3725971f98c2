import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class VerificationFiredRule {
  @IsString() @MaxLength(50) rule: string;
  @IsObject() inputs: Record<string, unknown>;
}

export class VerificationParameterOutcome {
  @IsInt() index: number;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(500) value?: string;
  @IsIn(['auto_verified', 'held']) status: 'auto_verified' | 'held';
  @IsArray() @ValidateNested({ each: true }) @Type(() => VerificationFiredRule) fired: VerificationFiredRule[];
}

/** What both decision events carry: the report, the rule-set version and each parameter's outcome. */
export class VerificationDecided {
  @IsUUID() decisionId: string;
  @IsInt() labId: number;
  @IsInt() labReportId: number;
  @IsInt() billId: number;
  @IsUUID() patientId: string;
  @IsInt() testId: number;
  /** The report.values_updated update the decision was made for. */
  @IsUUID() updateId: string;
  @IsOptional() @IsInt() ruleSetVersion?: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => VerificationParameterOutcome) parameters: VerificationParameterOutcome[];
  @IsISO8601() decidedAt: string;
}

/** Every parameter passed every rule of the test's rule set: the report is released by rule. */
export class ReportAutoverified extends VerificationDecided {}

/** The report waits for a person: the reasons, and the report-level rules that fired. */
export class ReportHeld extends VerificationDecided {
  @IsArray() @IsString({ each: true }) reasons: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => VerificationFiredRule) report: VerificationFiredRule[];
}

/** A person released or rejected a held report (a rejection may have requested a rerun). */
export class ReportVerificationReviewed {
  @IsInt() labId: number;
  @IsInt() labReportId: number;
  @IsUUID() decisionId: string;
  @IsIn(['released', 'rejected']) action: 'released' | 'rejected';
  @IsString() @MaxLength(100) reviewedBy: string;
  @IsString() @MaxLength(2000) comment: string;
  @IsArray() @IsInt({ each: true }) rerunRequested: number[];
  @IsISO8601() reviewedAt: string;
}

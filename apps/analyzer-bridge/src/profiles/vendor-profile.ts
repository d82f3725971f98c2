import { Type } from 'class-transformer';
import {
  IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';

/** `F` or `F.C`: field F (E1394 numbering: the record type is field 1), component C (default 1). */
const ASTM_LOCATOR = /^\d{1,3}(\.\d{1,2})?$/;
/** `SEG-F` or `SEG-F.C`, HL7 numbering (MSH-1 is the field separator). */
const HL7_LOCATOR = /^[A-Z][A-Z0-9]{2}-\d{1,3}(\.\d{1,2})?$/;

export class AstmToleranceProfile {
  @IsOptional() @IsIn(['verify', 'optional', 'none']) checksum?: 'verify' | 'optional' | 'none';
  @IsOptional() @IsIn(['required', 'optional']) frameNumber?: 'required' | 'optional';
  @IsOptional() @IsInt() @Min(64) @Max(1024 * 1024) maxFrameBytes?: number;
  @IsOptional() @IsIn(['standard', 'ack-first']) contention?: 'standard' | 'ack-first';
}

/** Where an instrument puts things in its E1394 records, when it departs from the standard. */
export class AstmLayout {
  /** O record: the sample id (E1394 O.3 specimen id). */
  @Matches(ASTM_LOCATOR) orderSampleId = '3.1';
  /** O record: the action code (E1394 O.12; `Q` marks a QC specimen). */
  @Matches(ASTM_LOCATOR) orderActionCode = '12.1';
  /** R record: the test code inside the universal test id (E1394 R.3, component 4 the manufacturer's code). */
  @Matches(ASTM_LOCATOR) resultTestCode = '3.4';
  @Matches(ASTM_LOCATOR) resultValue = '4.1';
  /** R record: a component of the value holding a flag (e.g. `5.4^H`); none by default. */
  @IsOptional() @Matches(ASTM_LOCATOR) resultValueFlag?: string;
  @Matches(ASTM_LOCATOR) resultUnits = '5.1';
  @Matches(ASTM_LOCATOR) resultRange = '6.1';
  /** R record: abnormal flags, every repeat (E1394 R.7). */
  @Matches(ASTM_LOCATOR) resultFlags = '7.1';
  @Matches(ASTM_LOCATOR) resultStatus = '9.1';
  /** Q record: the sample id in the starting range id (E1394 Q.3: patient id ^ specimen id). */
  @Matches(ASTM_LOCATOR) querySampleId = '3.2';
}

export class Hl7Layout {
  /** The sample id: the first of these that is not empty. */
  @IsArray() @Matches(HL7_LOCATOR, { each: true }) sampleId: string[] = ['SPM-2.1', 'OBR-3.1', 'OBR-2.1'];
  @Matches(HL7_LOCATOR) testCode = 'OBX-3.1';
  @Matches(HL7_LOCATOR) value = 'OBX-5.1';
  @Matches(HL7_LOCATOR) units = 'OBX-6.1';
  @Matches(HL7_LOCATOR) range = 'OBX-7';
  /** Every repeat (e.g. `L~A`). */
  @Matches(HL7_LOCATOR) flags = 'OBX-8.1';
  @Matches(HL7_LOCATOR) status = 'OBX-11.1';
  /** HL7 table 0369 specimen role (SPM-11): Q control, E electronic QC, C calibrator. */
  @IsArray() @IsString({ each: true }) qcSpecimenRoles: string[] = ['Q', 'E', 'C'];
  /** QBP^Q11 (host query): where the sample id is (IHE LAW: QPD-3, the specimen/container id). */
  @Matches(HL7_LOCATOR) querySampleId = 'QPD-3.1';
  /** OBX-2 value types that are report-level messages rather than values. */
  @IsArray() @IsString({ each: true }) reportFlagValueTypes: string[] = ['IS'];
}

/** Results that are report-level messages (a haematology analyzer's suspect-cell flags): they become test_flags. */
export class ReportFlagRule {
  @IsArray() @IsString({ each: true }) codes: string[] = [];
  /** A regular expression over the test code. */
  @IsOptional() @IsString() @MaxLength(200) codePattern?: string;
  /** What goes into test_flags: the code, or the value when it is not empty. */
  @IsIn(['code', 'value']) text: 'code' | 'value' = 'code';
}

export class QcRule {
  /** A regular expression over the sample id (many instruments name control lots `QC…`). */
  @IsOptional() @IsString() @MaxLength(200) sampleIdPattern?: string;
  /** E1394 O.12 action codes of a QC specimen. */
  @IsArray() @IsString({ each: true }) actionCodes: string[] = ['Q'];
}

/** A vendor profile: data, so a lab adds an instrument without a release (docs/analyzers.md). */
export class VendorProfile {
  @IsString() @MinLength(1) @MaxLength(100) name: string;
  @IsIn(['astm', 'hl7']) protocol: 'astm' | 'hl7';
  @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ValidateNested() @Type(() => AstmToleranceProfile) tolerance: AstmToleranceProfile = new AstmToleranceProfile();
  @ValidateNested() @Type(() => AstmLayout) astm: AstmLayout = new AstmLayout();
  @ValidateNested() @Type(() => Hl7Layout) hl7: Hl7Layout = new Hl7Layout();
  @ValidateNested() @Type(() => ReportFlagRule) reportFlags: ReportFlagRule = new ReportFlagRule();
  @ValidateNested() @Type(() => QcRule) qc: QcRule = new QcRule();
  /** The instrument's test code → the testName of the device's mapping; a code not listed is sent as is. */
  @IsObject() testNames: Record<string, string> = {};
}

import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** seed 003: the received time of a specimen was set (once) by a lab employee's job. */
export class SpecimenReceived {
  @IsInt() labId: number;
  @IsUUID() specimenId: string;
  @IsUUID() patientId: string;
  @IsString() @MaxLength(100) sampleId: string;
  @IsISO8601() collectedAt: string;
  @IsISO8601() receivedTime: string;
  @IsString() @MaxLength(100) updatedBy: string;
  @IsISO8601() updatedAt: string;
  @IsUUID() jobId: string;
  @IsOptional() @IsInt() billId?: number;
}

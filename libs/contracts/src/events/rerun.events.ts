import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches } from 'class-validator';

/**
 * seed 000 §6: an auto rerun qualified. Replaces the spec's internal Fusion webhook: the `rerun`
 * app consumes it and runs the same request use case as the HTTP path, as the system user (-1).
 */
export class RerunRequested {
  @IsInt() labReportId: number;
  @IsIn(['auto', 'Manual']) type: 'auto' | 'Manual';
  @Matches(/^\d+$/) rerun_number: string;
  /** JSON array of parameter indexes, as a string, exactly like the spec's body. */
  @IsString() requested_parameters: string;
  @IsBoolean() is_active: boolean;
  @IsInt() lab_id: number;
  @IsOptional() @IsString() sampleId?: string;
}

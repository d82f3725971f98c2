import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

/** seed 004: an initial order finished with results missing because of a lab error. */
export class OrderRedrawAvailable {
  @IsString() orderTransactionId: string;
  @IsString() orderId: string;
  @IsString() redrawOrderId: string;
  @IsArray() @IsString({ each: true }) missingBiomarkers: string[];
  @IsISO8601() occurredAt: string;
}

/** Who the order is for (the order's patient_details, without contact data). */
export class OrderPatient {
  @IsString() @MaxLength(100) firstName: string;
  @IsString() @MaxLength(100) lastName: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dob: string;
  @IsIn(['female', 'male', 'other', 'unknown']) gender: 'female' | 'male' | 'other' | 'unknown';
}

/** An order was placed by a client (origin initial) or created by LabFlow for a redraw. */
export class OrderCreated {
  @IsString() orderId: string;
  @IsString() orderTransactionId: string;
  @IsInt() labId: number;
  @IsString() clientId: string;
  @IsIn(['initial', 'redraw']) origin: 'initial' | 'redraw';
  @IsOptional() @IsString() parentId: string | null;
  @IsString() performingLab: string;
  @IsArray() @IsString({ each: true }) biomarkers: string[];
  @IsInt() @Min(1) sequence: number;
  @IsISO8601() createdAt: string;
  /** Optional (added for the FHIR read model: ServiceRequest.subject). */
  @IsOptional() @ValidateNested() @Type(() => OrderPatient) patient?: OrderPatient;
}

/** An order's low-level status changed (or results arrived); `sequence` orders updates of one order. */
export class OrderUpdated {
  @IsString() orderId: string;
  @IsString() orderTransactionId: string;
  @IsInt() labId: number;
  @IsIn(['initial', 'redraw']) origin: 'initial' | 'redraw';
  @IsString() status: string;
  @IsIn(['active', 'completed', 'cancelled']) transactionStatus: 'active' | 'completed' | 'cancelled';
  @IsInt() @Min(1) sequence: number;
  @IsISO8601() updatedAt: string;
}

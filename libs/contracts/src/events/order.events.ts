import { IsArray, IsISO8601, IsString } from 'class-validator';

/** seed 004: an initial order finished with results missing because of a lab error. */
export class OrderRedrawAvailable {
  @IsString() orderTransactionId: string;
  @IsString() orderId: string;
  @IsString() redrawOrderId: string;
  @IsArray() @IsString({ each: true }) missingBiomarkers: string[];
  @IsISO8601() occurredAt: string;
}

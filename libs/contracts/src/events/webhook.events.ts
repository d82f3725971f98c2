import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Min } from 'class-validator';

/** Every attempt of the retry schedule failed: the client's endpoint did not get this message. */
export class MessageAttemptExhausted {
  @IsString() messageId: string;
  @IsString() endpointId: string;
  @IsInt() labId: number;
  @IsString() clientId: string;
  @IsIn(['labtest.order.created', 'labtest.order.updated']) eventType: string;
  @IsString() orderId: string;
  @IsInt() @Min(1) attempts: number;
  @IsOptional() @IsInt() lastStatusCode: number | null;
  @IsOptional() @IsString() lastError: string | null;
  @IsISO8601() exhaustedAt: string;
}

import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';
import { OrderView } from './order.commands';

/** Status updates the lab partner integration sends before results exist. */
export const LAB_STATUS_UPDATES = ['requisition_created', 'sample_received'] as const;
export type LabStatusUpdate = (typeof LAB_STATUS_UPDATES)[number];

/** Why a biomarker has no result (`not_reported`: absent from the final report). Only `lab_error` makes a walk-in order eligible for a redraw (seed 004). */
export const MISSING_REASONS = ['lab_error', 'insufficient_sample', 'not_performed', 'not_reported'] as const;
export type MissingReason = (typeof MISSING_REASONS)[number];

export class LabStatusBody {
  @ApiProperty({ enum: LAB_STATUS_UPDATES }) @IsIn(LAB_STATUS_UPDATES) status: LabStatusUpdate;
}

export class LabStatusInput extends LabStatusBody {
  @ApiProperty() @IsUUID() orderId: string;
}

export class LabBiomarkerResult {
  @ApiProperty({ example: 'glucose' }) @Matches(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'biomarker must be a lowercase slug' }) biomarker: string;
  @ApiPropertyOptional({ example: '92' }) @IsOptional() @IsString() @MaxLength(500) result?: string;
  @ApiPropertyOptional({ example: 'mg/dL' }) @IsOptional() @IsString() @MaxLength(50) unit?: string;
  @ApiPropertyOptional({ enum: MISSING_REASONS }) @IsOptional() @IsIn(MISSING_REASONS) missing_reason?: MissingReason;
}

export class LabResultsBody {
  /** false: partial results, more to come; true: the lab finished the order. */
  @ApiProperty() @IsBoolean() final: boolean;

  @ApiProperty({ type: [LabBiomarkerResult] })
  @IsArray() @ArrayMinSize(0) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => LabBiomarkerResult)
  results: LabBiomarkerResult[];
}

export class LabResultsInput extends LabResultsBody {
  @ApiProperty() @IsUUID() orderId: string;
}

export const LAB_ORDER_COMMANDS = {
  status: defineCommand<LabStatusInput, OrderView>('orders', 'lab_order.status'),
  results: defineCommand<LabResultsInput, OrderView>('orders', 'lab_order.results'),
} as const;

/** The scope a token of the lab partner integration carries. */
export const LAB_ORDERS_SCOPE = 'orders:lab';

import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID,
  Matches, MaxLength, MinLength, ValidateNested, IsDefined } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

/** seed 004: an order is `initial` (placed by a client) or `redraw` (created by LabFlow, never by a client). */
export const ORDER_ORIGINS = ['initial', 'redraw'] as const;
export type OrderOrigin = (typeof ORDER_ORIGINS)[number];

/** Low-level statuses (Junction-style), in lifecycle order; the last three are final. */
export const ORDER_STATUSES = [
  'ordered', 'requisition_created', 'sample_received', 'partial_results', 'completed', 'redraw_available', 'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSACTION_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type OrderTransactionStatus = (typeof ORDER_TRANSACTION_STATUSES)[number];

const SLUG = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export class PatientDetails {
  @ApiProperty({ example: 'Ada' }) @IsString() @MinLength(1) @MaxLength(100) first_name: string;
  @ApiProperty({ example: 'Lovelace' }) @IsString() @MinLength(1) @MaxLength(100) last_name: string;
  @ApiProperty({ example: '1990-04-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dob must be a date YYYY-MM-DD' }) dob: string;
  @ApiProperty({ enum: ['female', 'male', 'other', 'unknown'] }) @IsIn(['female', 'male', 'other', 'unknown']) gender: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone_number?: string;
}

export class PlaceOrderInput {
  @ApiProperty({ type: PatientDetails }) @IsDefined() @ValidateNested() @Type(() => PatientDetails) patient_details: PatientDetails;

  @ApiProperty({ example: ['glucose', 'hba1c'], description: 'Biomarker slugs to test' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @IsString({ each: true })
  @Matches(SLUG, { each: true, message: 'each value in biomarkers must be a lowercase slug' })
  biomarkers: string[];

  @ApiProperty({ example: 'quest', description: 'Performing lab (slug)' })
  @Matches(SLUG, { message: 'lab must be a lowercase slug' }) lab: string;

  @ApiProperty({ description: 'The patient walks in to a patient service center' }) @IsBoolean() walk_in: boolean;

  /** seed 004: clients place initial orders; redraw orders are created by LabFlow. */
  @ApiPropertyOptional({ enum: ['initial'] })
  @IsOptional() @IsIn(['initial'], { message: 'origin must be initial: redraw orders are created by LabFlow' }) origin?: 'initial';

  @ApiPropertyOptional({ description: 'The client\'s own id for the patient' })
  @IsOptional() @IsString() @MaxLength(200) client_user_id?: string;
}

export class OrderIdInput {
  @ApiProperty() @IsUUID() orderId: string;
}

export class OrderTransactionIdInput {
  @ApiProperty() @IsUUID() transactionId: string;
}

export interface OrderStatusEventView {
  status: OrderStatus;
  created_at: string;
}

export interface TransactionOrderView {
  id: string;
  origin: OrderOrigin;
  parent_id: string | null;
  low_level_status: OrderStatus;
  created_at: string;
  updated_at: string;
}

export interface OrderTransactionView {
  id: string;
  status: OrderTransactionStatus;
  /** seed 004: ordered by ascending date of order creation. */
  orders: TransactionOrderView[];
}

export interface OrderView {
  id: string;
  order_transaction_id: string;
  origin: OrderOrigin;
  parent_id: string | null;
  status: 'received' | 'collecting_sample' | 'sample_with_lab' | 'completed' | 'cancelled';
  low_level_status: OrderStatus;
  /** Incremented on every change: a webhook receiver drops an update older than one it has. */
  sequence: number;
  lab: string;
  walk_in: boolean;
  client_user_id: string | null;
  patient_details: PatientDetails;
  biomarkers: string[];
  events: OrderStatusEventView[];
  order_transaction: OrderTransactionView;
  created_at: string;
  updated_at: string;
}

export interface PlaceOrderResult {
  status: 'success';
  message: string;
  order_id: string;
  order_transaction_id: string;
  order: OrderView;
}

export interface BiomarkerResultView {
  biomarker: string;
  result: string | null;
  unit: string | null;
  /** `final` when the lab reported a value, `missing` when it reported none. */
  status: 'final' | 'missing';
  missing_reason: string | null;
  order_id: string;
  origin: OrderOrigin;
  reported_at: string;
}

export interface OrderResultView {
  order_id: string;
  order_transaction_id: string;
  low_level_status: OrderStatus;
  results: BiomarkerResultView[];
}

export interface OrderTransactionResultView {
  order_transaction_id: string;
  status: OrderTransactionStatus;
  /** One entry per biomarker of the initial order, from whichever order produced it (seed 004). */
  results: BiomarkerResultView[];
}

export const ORDER_COMMANDS = {
  place: defineCommand<PlaceOrderInput, PlaceOrderResult>('orders', 'order.place'),
  get: defineCommand<OrderIdInput, OrderView>('orders', 'order.get'),
  cancel: defineCommand<OrderIdInput, OrderView>('orders', 'order.cancel'),
  result: defineCommand<OrderIdInput, OrderResultView>('orders', 'order.result'),
  getTransaction: defineCommand<OrderTransactionIdInput, OrderTransactionView>('orders', 'order_transaction.get'),
  transactionResult: defineCommand<OrderTransactionIdInput, OrderTransactionResultView>('orders', 'order_transaction.result'),
} as const;

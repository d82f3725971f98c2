import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ApiProperty } from '../openapi';
import { defineCommand } from './command';
import { MAX_ID } from './critical.commands';

/**
 * An analyzer's host query (ASTM Q record, HL7 QBP^Q11): what should this device measure on this
 * sample? Authenticated like `dataPartialFromDevice/`, by the device's token in the body.
 */
export class DeviceWorkOrderInput {
  @ApiProperty({ example: 11957 }) @IsInt() @Min(1) @Max(MAX_ID) labId: number;
  @ApiProperty({ example: '000114626' }) @IsString() @MinLength(1) @MaxLength(100) sampleId: string;
  @ApiProperty({ example: 'f94032be-5e1f-47fd-96a1-92a66c6014c3' }) @IsString() @MinLength(1) @MaxLength(200) deviceAuth: string;
}

/** One parameter the device should measure: its mapping's test name and the report parameter it fills. */
export interface WorkOrderParameter {
  index: number;
  testName: string;
  /** The parameter's name in the report format (what `/new` calls parameter_name). */
  name: string;
}

/** The open rerun of a lab report (seed 000 §3 request), as far as it is still awaited. */
export interface WorkOrderRerun {
  rerunNumber: number;
  requestedParameters: number[];
  receivedParameters: number[];
}

export interface WorkOrderReport {
  labReportId: number;
  testId: number;
  /** What to measure: every mapped parameter without a value, or with an open rerun the requested ones not yet received. */
  parameters: WorkOrderParameter[];
  /** Every mapped parameter of the report (a rerun result names one of these). */
  mapped: WorkOrderParameter[];
  rerun: WorkOrderRerun | null;
}

export interface DeviceWorkOrderResult {
  sampleId: string;
  device: { id: number; name: string };
  /** false: the lab has no such sample (ASTM report type Z); true with no parameters: nothing to do (Y). */
  sampleKnown: boolean;
  reports: WorkOrderReport[];
}

export const WORK_ORDER_COMMANDS = {
  get: defineCommand<DeviceWorkOrderInput, DeviceWorkOrderResult>('device-ingestion', 'device.work-order.get'),
} as const;

/** The open rerun requests of some lab reports of the principal's lab, answered by their owner (rerun). */
export class OpenRerunsQuery {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsInt({ each: true }) @Min(1, { each: true }) @Max(MAX_ID, { each: true })
  labReportIds: number[];
}

export interface OpenRerunsResult {
  reruns: (WorkOrderRerun & { labReportId: number })[];
}

export const RERUN_QUERIES = {
  open: defineCommand<OpenRerunsQuery, OpenRerunsResult>('rerun', 'rerun.open.get'),
} as const;

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineCommand } from './command';

/** Resource types GET /fhir/R4/<Type>/:id serves. */
export const FHIR_READ_TYPES = ['DiagnosticReport', 'Observation', 'Specimen', 'ServiceRequest', 'Patient', 'Device', 'StructureDefinition'] as const;
export const FHIR_SEARCH_TYPES = ['DiagnosticReport', 'Observation', 'Specimen', 'ServiceRequest'] as const;
export type FhirReadType = (typeof FHIR_READ_TYPES)[number];
export type FhirSearchType = (typeof FHIR_SEARCH_TYPES)[number];

/** A FHIR resource as JSON (its shape is FHIR R4's, checked by the HL7 validator in the e2e tests). */
export type FhirJson = { resourceType: string; id?: string } & Record<string, unknown>;

/** FHIR ids: 1 to 64 of A-Z a-z 0-9 - . */
export const FHIR_ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

export class FhirReadInput {
  @IsIn(FHIR_READ_TYPES) resourceType: FhirReadType;
  @Matches(FHIR_ID_PATTERN, { message: 'id must be a FHIR id (1-64 of A-Z a-z 0-9 - .)' }) id: string;
}

/** The search parameters LabFlow serves (the type decides which apply; another one is a 400). */
export class FhirSearchQuery {
  @ApiPropertyOptional({ description: 'Patient/<id> or <id>' }) @IsOptional() @IsString() @MaxLength(100) patient?: string;
  @ApiPropertyOptional({ description: 'A date with a prefix (eq, ge, gt, le, lt); repeat to bound both sides', example: 'ge2026-05-25' })
  @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) date?: string | string[];
  @ApiPropertyOptional({ description: 'DiagnosticReport status, comma-separated' }) @IsOptional() @IsString() @MaxLength(200) status?: string;
  @ApiPropertyOptional({ description: '[system|]code' }) @IsOptional() @IsString() @MaxLength(300) code?: string;
  @ApiPropertyOptional({ description: 'ServiceRequest requisition [system|]value (the order transaction, or a bill)' })
  @IsOptional() @IsString() @MaxLength(300) requisition?: string;
  @ApiPropertyOptional({ enum: ['DiagnosticReport:result'] }) @IsOptional() @IsIn(['DiagnosticReport:result']) _include?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) _count?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100000) _offset?: number;
  @ApiPropertyOptional({ enum: ['json', 'application/fhir+json', 'application/json'], description: 'Only JSON is served' })
  @IsOptional() @IsIn(['json', 'application/fhir+json', 'application/json']) _format?: string;
}

export class FhirSearchInput extends FhirSearchQuery {
  @IsIn(FHIR_SEARCH_TYPES) resourceType: FhirSearchType;
  /** Where the client reached the FHIR base (Bundle fullUrl and paging links). */
  @IsString() @MaxLength(300) base: string;
}

export class FhirMetadataInput {}

/** StructureDefinitions are definitions, the same for every lab: read without a token. */
export class FhirDefinitionInput {
  @Matches(FHIR_ID_PATTERN, { message: 'id must be a FHIR id (1-64 of A-Z a-z 0-9 - .)' }) id: string;
}

export const FHIR_COMMANDS = {
  read: defineCommand<FhirReadInput, FhirJson>('fhir', 'fhir.read'),
  search: defineCommand<FhirSearchInput, FhirJson>('fhir', 'fhir.search'),
  metadata: defineCommand<FhirMetadataInput, FhirJson>('fhir', 'fhir.metadata'),
  definition: defineCommand<FhirDefinitionInput, FhirJson>('fhir', 'fhir.definition'),
};

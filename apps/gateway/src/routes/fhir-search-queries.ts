import { PickType } from '@nestjs/swagger';
import { FhirSearchQuery } from '@labflow/contracts';

/**
 * The search parameters each type serves (the CapabilityStatement's), one class per route so the
 * OpenAPI document offers only those: another is refused 400 by the FHIR app, and unknown ones by
 * whitelist validation here. PickType keeps the validation rules of FhirSearchQuery.
 */
const PAGING = ['_count', '_offset', '_format'] as const;

export class DiagnosticReportSearchQuery extends PickType(FhirSearchQuery, ['patient', 'date', 'status', 'code', '_include', ...PAGING]) {}
export class ObservationSearchQuery extends PickType(FhirSearchQuery, ['patient', 'code', 'date', ...PAGING]) {}
export class SpecimenSearchQuery extends PickType(FhirSearchQuery, ['patient', ...PAGING]) {}
export class ServiceRequestSearchQuery extends PickType(FhirSearchQuery, ['requisition', ...PAGING]) {}

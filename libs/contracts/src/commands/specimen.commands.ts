import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '../openapi';
import { defineCommand } from './command';

/** ISO 8601 date-time that carries its offset (`Z` or `±hh:mm`): a received time is an instant. */
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const WITH_OFFSET_MESSAGE = 'received_time must be an ISO 8601 date-time with an offset';

// ---- seed 003: PATCH /api/patients/:patientId/specimens/:id/actions/ ----

export class SetReceivedTimeBody {
  @ApiProperty({ example: '2026-11-24T08:30:00+02:00', description: 'When the lab received the specimen (ISO 8601 with offset)', format: 'date-time', pattern: DATE_TIME_WITH_OFFSET.source })
  @IsString() @IsISO8601({ strict: true }, { message: WITH_OFFSET_MESSAGE }) @Matches(DATE_TIME_WITH_OFFSET, { message: WITH_OFFSET_MESSAGE })
  received_time: string;
}

export class SetReceivedTimeInput extends SetReceivedTimeBody {
  @IsString() @MaxLength(100) patientId: string;
  @IsString() @MaxLength(100) id: string;
}

export type JobStatus = 'pending' | 'processed' | 'failed';

export interface JobLink {
  entity: 'job';
  href: string;
}

/** The answer of an asynchronous request: the job to follow (seed 003 "Create job and return it's id"). */
export interface JobAccepted {
  id: string;
  status: JobStatus;
  links: JobLink[];
}

// ---- GET /api/jobs/:jobId ----

export class GetJobInput {
  @IsString() @MaxLength(100) jobId: string;
}

export interface JobView {
  id: string;
  type: string;
  status: JobStatus;
  /** When failed: the status and message the request would have been answered with. */
  error: { status: number; message: string } | null;
  result: { specimen_id: string; received_time: string } | null;
  inserted_at: string;
  updated_at: string;
}

// ---- GET /api/patients/:patientId/specimens/:id ----

export class GetSpecimenInput {
  @IsString() @MaxLength(100) patientId: string;
  @IsString() @MaxLength(100) id: string;
}

export const SPECIMEN_STATUSES = ['available', 'unavailable', 'unsatisfactory', 'entered_in_error'] as const;
export type SpecimenStatus = (typeof SPECIMEN_STATUSES)[number];

export interface SpecimenView {
  id: string;
  patient_id: string;
  sample_id: string;
  bill_id: number;
  status: SpecimenStatus;
  collected_time: string;
  received_time: string | null;
  inserted_at: string;
  updated_at: string;
  updated_by: string | null;
}

// ---- PUT /api/patients/:patientId/specimens/:id/status (lab rejects or restores a specimen) ----

export class SetSpecimenStatusBody {
  @ApiProperty({ enum: SPECIMEN_STATUSES, example: 'unsatisfactory' })
  @IsIn(SPECIMEN_STATUSES) status: SpecimenStatus;
}

export class SetSpecimenStatusInput extends SetSpecimenStatusBody {
  @IsString() @MaxLength(100) patientId: string;
  @IsString() @MaxLength(100) id: string;
}

// ---- party verification data (seed 003 authorization rules) ----

export const PARTY_VERIFICATION_STATUSES = ['VERIFIED', 'NOT_VERIFIED', 'VERIFICATION_NEEDED'] as const;
export const DEATH_VERIFICATION_STATUSES = ['NOT_VERIFIED', 'VERIFIED', 'VERIFICATION_NEEDED', 'IN_REVIEW'] as const;
export const DEATH_VERIFICATION_REASONS = ['MANUAL_CONFIRMED', 'MANUAL_NOT_CONFIRMED', 'AUTO_CONFIRMED', 'AUTO_NOT_CONFIRMED'] as const;

export class UpsertPartyBody {
  @ApiProperty({ enum: PARTY_VERIFICATION_STATUSES })
  @IsIn(PARTY_VERIFICATION_STATUSES) verification_status: (typeof PARTY_VERIFICATION_STATUSES)[number];

  @ApiPropertyOptional({ description: 'When the party registry last changed the party (defaults to now)', example: '2026-11-01T10:00:00Z' })
  @IsOptional() @IsISO8601({ strict: true }) updated_at?: string;

  @ApiPropertyOptional({ enum: DEATH_VERIFICATION_STATUSES })
  @IsOptional() @IsIn(DEATH_VERIFICATION_STATUSES) dracs_death_verification_status?: (typeof DEATH_VERIFICATION_STATUSES)[number];

  @ApiPropertyOptional({ enum: DEATH_VERIFICATION_REASONS })
  @IsOptional() @IsIn(DEATH_VERIFICATION_REASONS) dracs_death_verification_reason?: (typeof DEATH_VERIFICATION_REASONS)[number];
}

export class UpsertPartyInput extends UpsertPartyBody {
  @IsString() @MaxLength(100) partyId: string;
}

export interface PartyView {
  id: string;
  verification_status: string;
  updated_at: string;
  dracs_death_verification_status: string | null;
  dracs_death_verification_reason: string | null;
}

export const LEGAL_ENTITY_STATUSES = ['ACTIVE', 'SUSPENDED', 'CLOSED', 'REORGANIZED'] as const;

export class UpsertLegalEntityBody {
  @ApiProperty({ enum: LEGAL_ENTITY_STATUSES })
  @IsIn(LEGAL_ENTITY_STATUSES) status: (typeof LEGAL_ENTITY_STATUSES)[number];
}

export class UpsertLegalEntityInput extends UpsertLegalEntityBody {
  @IsString() @MaxLength(100) clientId: string;
}

export interface LegalEntityView {
  id: string;
  status: string;
  updated_at: string;
}

export const SPECIMEN_COMMANDS = {
  setReceivedTime: defineCommand<SetReceivedTimeInput, JobAccepted>('specimen', 'specimen.set_received_time'),
  getJob: defineCommand<GetJobInput, JobView>('specimen', 'specimen.job.get'),
  getSpecimen: defineCommand<GetSpecimenInput, SpecimenView>('specimen', 'specimen.get'),
  setStatus: defineCommand<SetSpecimenStatusInput, SpecimenView>('specimen', 'specimen.set_status'),
  upsertParty: defineCommand<UpsertPartyInput, PartyView>('specimen', 'specimen.party.upsert'),
  upsertLegalEntity: defineCommand<UpsertLegalEntityInput, LegalEntityView>('specimen', 'specimen.legal_entity.upsert'),
} as const;

import { LegalEntityView, PartyView, Principal, SpecimenStatus, systemPrincipal, UpsertLegalEntityInput, UpsertPartyInput } from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { JobRepository, JobRow, NewJob, RECEIVED_TIME_JOB } from './jobs/job.repository';
import { PartyRecord, PartyRepository } from './parties/party.repository';
import { SpecimenConfig } from './specimen.config';
import { SpecimenRepositories } from './specimen-unit-of-work';
import { SPECIMEN_ERRORS } from './specimens/specimen.errors';
import { NewSpecimen, SpecimenRepository, SpecimenRow } from './specimens/specimen.repository';

export const LAB = 51;
export const PATIENT = '9d0f7a52-8f7e-4a53-9d5e-0b5d7a1c0001';
export const SPECIMEN = '9d0f7a52-8f7e-4a53-9d5e-0b5d7a1c0002';

export class InMemorySpecimens implements RepositoryOf<SpecimenRepository> {
  readonly rows: SpecimenRow[] = [];

  async insertAvailable(s: NewSpecimen): Promise<boolean> {
    if (this.rows.some((r) => r.id === s.id)) return false;
    const at = new Date();
    this.rows.push({
      id: s.id, lab_id: s.labId, patient_id: s.patientId, bill_id: s.billId, sample_id: s.sampleId, status: 'available',
      collected_at: new Date(s.collectedAt), received_time: null, created_at: at, updated_at: at, updated_by: null,
    });
    return true;
  }

  async find(labId: number, patientId: string, id: string): Promise<SpecimenRow | null> {
    const row = this.rows.find((r) => r.lab_id === labId && r.patient_id === patientId && r.id === id);
    return row ? { ...row } : null;
  }

  async setStatus(labId: number, id: string, status: SpecimenStatus, updatedBy: string): Promise<SpecimenRow> {
    const row = this.rows.find((r) => r.lab_id === labId && r.id === id) as SpecimenRow;
    Object.assign(row, { status, updated_by: updatedBy, updated_at: new Date() });
    return { ...row };
  }

  async setReceivedTimeOnce(labId: number, id: string, receivedTime: Date, updatedBy: string): Promise<SpecimenRow | null> {
    const row = this.rows.find((r) => r.lab_id === labId && r.id === id && r.received_time === null && r.status === 'available');
    if (!row) return null;
    Object.assign(row, { received_time: receivedTime, updated_by: updatedBy, updated_at: new Date() });
    return { ...row };
  }
}

export class InMemoryJobs implements RepositoryOf<JobRepository> {
  readonly rows: JobRow[] = [];

  async create(job: NewJob): Promise<JobRow> {
    const at = new Date();
    const row: JobRow = {
      id: job.id, lab_id: job.labId, type: RECEIVED_TIME_JOB, status: 'pending', specimen_id: job.specimenId, patient_id: job.patientId,
      received_time: job.receivedTime, requested_by: job.requestedBy, correlation_id: job.correlationId, causation_id: job.causationId,
      attempts: 0, error: null, result: null, trace_headers: {}, created_at: at, updated_at: at,
    };
    this.rows.push(row);
    return { ...row };
  }

  async find(labId: number, id: string): Promise<JobRow | null> {
    return this.rows.find((j) => j.lab_id === labId && j.id === id) ?? null;
  }

  async lockNextPending(): Promise<JobRow | null> {
    return this.rows.find((j) => j.status === 'pending') ?? null;
  }

  async markProcessed(job: JobRow, result: JobRow['result']): Promise<void> {
    Object.assign(this.rows.find((j) => j.id === job.id) as JobRow, { status: 'processed', result });
  }

  async markFailed(job: JobRow, error: { status: number; message: string }): Promise<void> {
    Object.assign(this.rows.find((j) => j.id === job.id) as JobRow, { status: 'failed', error });
  }

  async recordAttemptError(): Promise<void> {
    return undefined;
  }
}

export class InMemoryParties implements RepositoryOf<PartyRepository> {
  readonly parties = new Map<string, PartyRecord>();
  readonly legalEntities = new Map<string, string>();

  async findParty(labId: number, partyId: string): Promise<PartyRecord | null> {
    return this.parties.get(`${labId}:${partyId}`) ?? null;
  }

  async upsertParty(labId: number, input: UpsertPartyInput): Promise<PartyView> {
    const record: PartyRecord = {
      verificationStatus: input.verification_status, updatedAt: input.updated_at ? new Date(input.updated_at) : new Date(),
      deathVerificationStatus: input.dracs_death_verification_status ?? null, deathVerificationReason: input.dracs_death_verification_reason ?? null,
    };
    this.parties.set(`${labId}:${input.partyId}`, record);
    return {
      id: input.partyId, verification_status: record.verificationStatus, updated_at: record.updatedAt.toISOString(),
      dracs_death_verification_status: record.deathVerificationStatus, dracs_death_verification_reason: record.deathVerificationReason,
    };
  }

  async findLegalEntityStatus(labId: number, clientId: string): Promise<string | null> {
    return this.legalEntities.get(`${labId}:${clientId}`) ?? null;
  }

  async upsertLegalEntity(labId: number, input: UpsertLegalEntityInput): Promise<LegalEntityView> {
    this.legalEntities.set(`${labId}:${input.clientId}`, input.status);
    return { id: input.clientId, status: input.status, updated_at: new Date().toISOString() };
  }
}

/** A specimen unit of work over fresh in-memory repositories. */
export function inMemorySpecimenUnit() {
  const repositories = { specimens: new InMemorySpecimens(), jobs: new InMemoryJobs(), parties: new InMemoryParties() };
  return inMemoryUnitOfWork(repositories satisfies SpecimenRepositories);
}

/** A clerk of LAB acting for party p-1 and legal entity le-1. */
export function clerkCommand<I extends object>(input: I, who: Partial<Principal> = {}): Command<I> {
  return commandFor({ ...systemPrincipal(LAB), sub: 'clerk', loginType: 'lab_user', partyId: 'p-1', clientId: 'le-1', ...who }, input);
}

export const SPECIMEN_CONFIG = Object.assign(new SpecimenConfig(), { BLOCK_UNVERIFIED_PARTY_USERS: true, BLOCK_DECEASED_PARTY_USERS: true });

export const failureOf = (promise: Promise<unknown>) => answered(SPECIMEN_ERRORS, promise);

/** A specimen collected an hour ago, available, for LAB's PATIENT. */
export async function collectedSpecimen(unit: ReturnType<typeof inMemorySpecimenUnit>, collectedAt = new Date(Date.now() - 3_600_000)) {
  await unit.specimens.insertAvailable({ id: SPECIMEN, labId: LAB, patientId: PATIENT, billId: 7, sampleId: 'S1', collectedAt: collectedAt.toISOString() });
}

/** A verified party p-1 and an active legal entity le-1 in LAB: the clerk may act. */
export async function mayAct(unit: ReturnType<typeof inMemorySpecimenUnit>) {
  await unit.parties.upsertParty(LAB, { partyId: 'p-1', verification_status: 'VERIFIED' });
  await unit.parties.upsertLegalEntity(LAB, { clientId: 'le-1', status: 'ACTIVE' });
}

import { PartyAccessGuard } from '../parties/party-access.guard';
import { clerkCommand, collectedSpecimen, failureOf, inMemorySpecimenUnit, LAB, mayAct, PATIENT, SPECIMEN, SPECIMEN_CONFIG } from '../in-memory-specimen.fake';
import { SetReceivedTimeUseCase } from './set-received-time.usecase';

describe('SetReceivedTimeUseCase', () => {
  const sut = () => new SetReceivedTimeUseCase(new PartyAccessGuard(SPECIMEN_CONFIG));
  const receivedAt = (time: Date, who = {}, id = SPECIMEN) => clerkCommand({ patientId: PATIENT, id, received_time: time.toISOString() }, who);
  const halfAnHourAgo = () => new Date(Date.now() - 1_800_000);

  it('creates a pending job for the specimen and answers it with its link; the time itself is set by the job', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    await mayAct(unit);
    const when = halfAnHourAgo();
    const accepted = await sut().execute(receivedAt(when), unit);
    expect(accepted).toEqual({ id: expect.any(String), status: 'pending', links: [{ entity: 'job', href: `/api/jobs/${accepted.id}` }] });
    expect(unit.jobs.rows).toEqual([expect.objectContaining({
      id: accepted.id, lab_id: LAB, specimen_id: SPECIMEN, patient_id: PATIENT, received_time: when, requested_by: 'clerk',
      correlation_id: 'spec-correlation', causation_id: 'spec-message',
    })]);
    expect(unit.specimens.rows[0].received_time).toBeNull();
    expect(unit.published).toEqual([]);
  });

  it('seed 003 order of checks: the party first (403), then the specimen (404), then the legal entity (409)', async () => {
    const unit = inMemorySpecimenUnit();
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit)))
      .toEqual({ status: 403, code: 'PARTY_NOT_VERIFIED', message: 'Access denied. Party is not verified' });
    await unit.parties.upsertParty(LAB, { partyId: 'p-1', verification_status: 'VERIFIED' });
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit))).toEqual({ status: 404, code: 'NOT_FOUND', message: 'not found' });
    await collectedSpecimen(unit);
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit)))
      .toEqual({ status: 409, code: 'LEGAL_ENTITY_NOT_ACTIVE', message: 'client_id refers to legal entity that is not active' });
    expect(unit.jobs.rows).toEqual([]);
  });

  it('refuses a deceased party (403)', async () => {
    const unit = inMemorySpecimenUnit();
    await unit.parties.upsertParty(LAB, { partyId: 'p-1', verification_status: 'VERIFIED', dracs_death_verification_status: 'VERIFIED', dracs_death_verification_reason: 'MANUAL_CONFIRMED' });
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit)))
      .toEqual({ status: 403, code: 'PARTY_DECEASED', message: 'Access denied. Party is deceased' });
  });

  it('refuses a time before collection or in the future (422), a time already set (422), a specimen not available (409)', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    await mayAct(unit);
    const outOfRange = { status: 422, code: 'RECEIVED_TIME_OUT_OF_RANGE', message: 'Should be between collected datetime and current datetime' };
    expect(await failureOf(sut().execute(receivedAt(new Date(Date.now() - 7_200_000)), unit))).toEqual(outOfRange);
    expect(await failureOf(sut().execute(receivedAt(new Date(Date.now() + 600_000)), unit))).toEqual(outOfRange);
    unit.specimens.rows[0].received_time = new Date();
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit)))
      .toEqual({ status: 422, code: 'RECEIVED_TIME_ALREADY_SET', message: 'Value is already set and cannot be changed' });
    unit.specimens.rows[0].status = 'unsatisfactory';
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo()), unit)))
      .toEqual({ status: 409, code: 'SPECIMEN_NOT_AVAILABLE', message: 'Specimen is not in available status' });
    expect(unit.jobs.rows).toEqual([]);
  });

  it('is 404 for another lab\'s specimen', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    await mayAct(unit);
    await unit.parties.upsertParty(52, { partyId: 'p-1', verification_status: 'VERIFIED' });
    expect(await failureOf(sut().execute(receivedAt(halfAnHourAgo(), { labId: 52 }), unit))).toEqual({ status: 404, code: 'NOT_FOUND', message: 'not found' });
  });
});

import { clerkCommand, failureOf, inMemorySpecimenUnit, LAB } from '../in-memory-specimen.fake';
import { UpsertPartyUseCase } from './upsert-party.usecase';

describe('UpsertPartyUseCase', () => {
  it('records the party\'s verification and death verification in the caller\'s lab', async () => {
    const unit = inMemorySpecimenUnit();
    const view = await new UpsertPartyUseCase().execute(clerkCommand({
      partyId: 'p-9', verification_status: 'NOT_VERIFIED' as const, updated_at: '2026-11-01T10:00:00Z', dracs_death_verification_status: 'IN_REVIEW' as const,
    }), unit);
    expect(view).toEqual({ id: 'p-9', verification_status: 'NOT_VERIFIED', updated_at: '2026-11-01T10:00:00.000Z', dracs_death_verification_status: 'IN_REVIEW', dracs_death_verification_reason: null });
    expect(await unit.parties.findParty(LAB, 'p-9')).toMatchObject({ verificationStatus: 'NOT_VERIFIED', deathVerificationStatus: 'IN_REVIEW' });
    expect(await unit.parties.findParty(52, 'p-9')).toBeNull();
  });

  it('refuses an updated_at in the future (422) and records nothing', async () => {
    const unit = inMemorySpecimenUnit();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(await failureOf(new UpsertPartyUseCase().execute(clerkCommand({ partyId: 'p-9', verification_status: 'VERIFIED' as const, updated_at: later }), unit)))
      .toEqual({ status: 422, code: 'UPDATED_AT_IN_FUTURE', message: 'updated_at cannot be in the future' });
    expect(await unit.parties.findParty(LAB, 'p-9')).toBeNull();
  });
});

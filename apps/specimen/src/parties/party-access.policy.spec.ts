import { partyAccessDenial, PARTY_MESSAGES, PartyRules } from './party-access.policy';
import { PartyRecord } from './party.repository';

const NOW = new Date('2026-11-24T10:00:00Z');
const ON: PartyRules = { blockUnverified: true, unverifiedDaysAllowed: 30, blockDeceased: true };
const OFF: PartyRules = { blockUnverified: false, unverifiedDaysAllowed: 30, blockDeceased: false };

function party(overrides: Partial<PartyRecord> = {}): PartyRecord {
  return { verificationStatus: 'VERIFIED', updatedAt: new Date('2026-11-20T00:00:00Z'), deathVerificationStatus: null, deathVerificationReason: null, ...overrides };
}

describe('partyAccessDenial (seed 003 party rules)', () => {
  it('lets a verified party act', () => {
    expect(partyAccessDenial(ON, party(), NOW)).toBeNull();
  });

  it('lets a NOT_VERIFIED party act within the grace period, refuses it after', () => {
    expect(partyAccessDenial(ON, party({ verificationStatus: 'NOT_VERIFIED', updatedAt: new Date('2026-10-26T00:00:00Z') }), NOW)).toBeNull();
    expect(partyAccessDenial(ON, party({ verificationStatus: 'NOT_VERIFIED', updatedAt: new Date('2026-10-25T00:00:00Z') }), NOW)).toBe(PARTY_MESSAGES.notVerified);
    expect(partyAccessDenial(ON, party({ verificationStatus: 'VERIFICATION_NEEDED', updatedAt: new Date('2020-01-01T00:00:00Z') }), NOW)).toBeNull();
  });

  it('refuses an unknown party while the unverified rule is on', () => {
    expect(partyAccessDenial(ON, null, NOW)).toBe(PARTY_MESSAGES.notVerified);
    expect(partyAccessDenial(OFF, null, NOW)).toBeNull();
  });

  it('refuses a manually confirmed deceased party, not an automatically confirmed one', () => {
    expect(partyAccessDenial(ON, party({ deathVerificationStatus: 'VERIFIED', deathVerificationReason: 'MANUAL_CONFIRMED' }), NOW)).toBe(PARTY_MESSAGES.deceased);
    expect(partyAccessDenial(ON, party({ deathVerificationStatus: 'VERIFIED', deathVerificationReason: 'AUTO_CONFIRMED' }), NOW)).toBeNull();
    expect(partyAccessDenial(ON, party({ deathVerificationStatus: 'IN_REVIEW', deathVerificationReason: 'MANUAL_CONFIRMED' }), NOW)).toBeNull();
  });

  it('checks the unverified rule before the deceased rule', () => {
    const both = party({ verificationStatus: 'NOT_VERIFIED', updatedAt: new Date('2020-01-01T00:00:00Z'), deathVerificationStatus: 'VERIFIED', deathVerificationReason: 'MANUAL_CONFIRMED' });
    expect(partyAccessDenial(ON, both, NOW)).toBe(PARTY_MESSAGES.notVerified);
    expect(partyAccessDenial({ ...ON, blockUnverified: false }, both, NOW)).toBe(PARTY_MESSAGES.deceased);
  });

  it('applies no party rule when both switches are off', () => {
    const both = party({ verificationStatus: 'NOT_VERIFIED', updatedAt: new Date('2020-01-01T00:00:00Z'), deathVerificationStatus: 'VERIFIED', deathVerificationReason: 'MANUAL_CONFIRMED' });
    expect(partyAccessDenial(OFF, both, NOW)).toBeNull();
  });
});

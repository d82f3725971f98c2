import { PartyRecord } from './party.repository';

export const PARTY_MESSAGES = {
  notVerified: 'Access denied. Party is not verified',
  deceased: 'Access denied. Party is deceased',
} as const;

export interface PartyRules {
  blockUnverified: boolean;
  unverifiedDaysAllowed: number;
  blockDeceased: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * seed 003 authorization, after the token and scope checks: returns the 403 message, or null when the
 * party may act. A token without a party, or a party this lab has no record of, cannot be shown to be
 * verified, so it is refused while BLOCK_UNVERIFIED_PARTY_USERS is on (fail closed).
 */
export function partyAccessDenial(rules: PartyRules, party: PartyRecord | null, now: Date): string | null {
  if (rules.blockUnverified) {
    if (!party) return PARTY_MESSAGES.notVerified;
    // seed 003: verification_status != NOT_VERIFIED or updated_at > current_date - UNVERIFIED_PARTY_PERIOD_DAYS_ALLOWED
    const startOfToday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const graceStart = startOfToday - rules.unverifiedDaysAllowed * DAY_MS;
    if (party.verificationStatus === 'NOT_VERIFIED' && !(party.updatedAt.getTime() > graceStart)) return PARTY_MESSAGES.notVerified;
  }
  if (rules.blockDeceased && party) {
    // seed 003: a party_verification record with dracs_death_verification_status = VERIFIED and reason MANUAL_CONFIRMED
    if (party.deathVerificationStatus === 'VERIFIED' && party.deathVerificationReason === 'MANUAL_CONFIRMED') return PARTY_MESSAGES.deceased;
  }
  return null;
}

import { Injectable } from '@nestjs/common';
import { Principal } from '@labflow/contracts';
import { SpecimenConfig } from '../specimen.config';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { specimenError } from '../specimens/specimen.errors';
import { partyAccessDenial, PARTY_MESSAGES } from './party-access.policy';

/**
 * The service-side part of seed 003's authorization (the gateway already checked the token and
 * the scope): the party rules, then — after the resource is found — the legal entity's status.
 */
@Injectable()
export class PartyAccessGuard {
  constructor(private readonly config: SpecimenConfig) {}

  async assertPartyMayAct(unit: SpecimenUnitOfWork, principal: Principal): Promise<void> {
    const rules = {
      blockUnverified: this.config.BLOCK_UNVERIFIED_PARTY_USERS,
      unverifiedDaysAllowed: this.config.UNVERIFIED_PARTY_PERIOD_DAYS_ALLOWED,
      blockDeceased: this.config.BLOCK_DECEASED_PARTY_USERS,
    };
    if (!rules.blockUnverified && !rules.blockDeceased) return;
    const party = principal.partyId ? await unit.parties.findParty(principal.labId, principal.partyId) : null;
    const denial = partyAccessDenial(rules, party, new Date());
    if (denial === PARTY_MESSAGES.notVerified) throw specimenError('PARTY_NOT_VERIFIED');
    if (denial === PARTY_MESSAGES.deceased) throw specimenError('PARTY_DECEASED');
  }

  /** seed 003: the token's client_id must refer to an ACTIVE legal entity (unknown or absent is not active). */
  async assertLegalEntityActive(unit: SpecimenUnitOfWork, principal: Principal): Promise<void> {
    const status = principal.clientId ? await unit.parties.findLegalEntityStatus(principal.labId, principal.clientId) : null;
    if (status !== 'ACTIVE') throw specimenError('LEGAL_ENTITY_NOT_ACTIVE');
  }
}

import { Injectable } from '@nestjs/common';
import { Principal } from '@labflow/contracts';
import { SpecimenConfig } from '../specimen.config';
import { SPECIMEN_ERRORS, SpecimenException } from '../specimens/specimen.exception';
import { partyAccessDenial, PARTY_MESSAGES } from './party-access.policy';
import { PartyRepository } from './party.repository';

/**
 * The service-side part of seed 003's authorization (the gateway already checked the token and
 * the scope): the party rules, then — after the resource is found — the legal entity's status.
 */
@Injectable()
export class PartyAccessGuard {
  constructor(private readonly config: SpecimenConfig, private readonly parties: PartyRepository) {}

  async assertPartyMayAct(principal: Principal): Promise<void> {
    const rules = {
      blockUnverified: this.config.BLOCK_UNVERIFIED_PARTY_USERS,
      unverifiedDaysAllowed: this.config.UNVERIFIED_PARTY_PERIOD_DAYS_ALLOWED,
      blockDeceased: this.config.BLOCK_DECEASED_PARTY_USERS,
    };
    if (!rules.blockUnverified && !rules.blockDeceased) return;
    const party = principal.partyId ? await this.parties.findParty(principal.labId, principal.partyId) : null;
    const denial = partyAccessDenial(rules, party, new Date());
    if (denial === PARTY_MESSAGES.notVerified) throw new SpecimenException(SPECIMEN_ERRORS.partyNotVerified);
    if (denial === PARTY_MESSAGES.deceased) throw new SpecimenException(SPECIMEN_ERRORS.partyDeceased);
  }

  /** seed 003: the token's client_id must refer to an ACTIVE legal entity (unknown or absent is not active). */
  async assertLegalEntityActive(principal: Principal): Promise<void> {
    const status = principal.clientId ? await this.parties.findLegalEntityStatus(principal.labId, principal.clientId) : null;
    if (status !== 'ACTIVE') throw new SpecimenException(SPECIMEN_ERRORS.legalEntityNotActive);
  }
}

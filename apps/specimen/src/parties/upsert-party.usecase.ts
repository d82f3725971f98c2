import { Injectable } from '@nestjs/common';
import { PartyView, SPECIMEN_COMMANDS, UpsertPartyInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { specimenError } from '../specimens/specimen.errors';

/** How far ahead of this clock a registry's updated_at may be (clock skew), in ms. */
const CLOCK_SKEW_MS = 60_000;

/**
 * PUT /api/parties/:partyId — records a party's verification status and its death verification
 * (as the party registry reports them) for the caller's lab; seed 003's 403 rules read them.
 */
@Injectable()
@HandlesCommand(SPECIMEN_COMMANDS.upsertParty, UpsertPartyInput)
export class UpsertPartyUseCase {
  async execute(command: Command<UpsertPartyInput>, unit: SpecimenUnitOfWork): Promise<PartyView> {
    const { updated_at: updatedAt } = command.input;
    if (updatedAt && Date.parse(updatedAt) > Date.now() + CLOCK_SKEW_MS) throw specimenError('UPDATED_AT_IN_FUTURE');
    return unit.parties.upsertParty(command.labId, command.input);
  }
}

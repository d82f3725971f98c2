import { Injectable } from '@nestjs/common';
import { LegalEntityView, SPECIMEN_COMMANDS, UpsertLegalEntityInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';

/** PUT /api/legal-entities/:clientId — records a legal entity's status; seed 003's 409 reads it. */
@Injectable()
@HandlesCommand(SPECIMEN_COMMANDS.upsertLegalEntity, UpsertLegalEntityInput)
export class UpsertLegalEntityUseCase {
  async execute(command: Command<UpsertLegalEntityInput>, unit: SpecimenUnitOfWork): Promise<LegalEntityView> {
    return unit.parties.upsertLegalEntity(command.labId, command.input);
  }
}

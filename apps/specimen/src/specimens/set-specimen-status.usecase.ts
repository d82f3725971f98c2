import { Injectable } from '@nestjs/common';
import { SetSpecimenStatusInput, SPECIMEN_COMMANDS, SpecimenView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';
import { specimenError } from './specimen.errors';
import { toSpecimenView } from './specimen.repository';

/**
 * The lab marks a specimen unavailable, unsatisfactory (e.g. haemolysed) or entered in error, or
 * makes it available again; only an available specimen can be received (seed 003 409).
 */
@Injectable()
@HandlesCommand(SPECIMEN_COMMANDS.setStatus, SetSpecimenStatusInput)
export class SetSpecimenStatusUseCase {
  async execute(command: Command<SetSpecimenStatusInput>, unit: SpecimenUnitOfWork): Promise<SpecimenView> {
    const { labId, input } = command;
    const specimen = await unit.specimens.find(labId, input.patientId, input.id, true);
    if (!specimen) throw specimenError('NOT_FOUND');
    if (specimen.status === input.status) return toSpecimenView(specimen);
    return toSpecimenView(await unit.specimens.setStatus(labId, specimen.id, input.status, command.principal.sub));
  }
}

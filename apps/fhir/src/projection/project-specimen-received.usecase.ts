import { Injectable } from '@nestjs/common';
import { SpecimenReceived, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A specimen's received time. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.specimenReceived, { consumer: 'fhir.specimen-received', labIdOf: (e) => e.labId })
export class ProjectSpecimenReceivedUseCase {
  async execute(command: Command<SpecimenReceived>, unit: FhirUnitOfWork): Promise<void> {
    await unit.projection.saveReceived(command.input);
  }
}

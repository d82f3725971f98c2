import { Injectable } from '@nestjs/common';
import { RerunConfirmed, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';
import { rerunCorrections } from './rerun-correction';

/** A confirmed rerun corrects the observations it replaced. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.rerunConfirmed, { consumer: 'fhir.rerun-confirmed', labIdOf: (e) => e.labId })
export class ProjectRerunCorrectionUseCase {
  async execute(command: Command<RerunConfirmed>, unit: FhirUnitOfWork): Promise<void> {
    const e = command.input;
    const existing = await unit.projection.observationsForUpdate(e.labId, e.labReportId);
    await unit.projection.saveCorrections(e.labId, rerunCorrections(e, existing));
  }
}

import { Injectable } from '@nestjs/common';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A report's values, when applied (a signed report's parked values are not results). Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.reportValuesUpdated, { consumer: 'fhir.report-values', labIdOf: (e) => e.labId })
export class ProjectValuesUseCase {
  async execute(command: Command<ReportValuesUpdated>, unit: FhirUnitOfWork): Promise<void> {
    if (command.input.applied) await unit.projection.saveValues(command.input);
  }
}

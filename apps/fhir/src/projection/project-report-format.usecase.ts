import { Injectable } from '@nestjs/common';
import { ReportFormatSaved, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A test's format: parameter names and units. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.reportFormatSaved, { consumer: 'fhir.report-format', labIdOf: (e) => e.labId })
export class ProjectReportFormatUseCase {
  async execute(command: Command<ReportFormatSaved>, unit: FhirUnitOfWork): Promise<void> {
    await unit.projection.saveFormat(command.input);
  }
}

import { Injectable } from '@nestjs/common';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A registered bill: its patient, lab reports and specimens. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.billRegistered, { consumer: 'fhir.bill-registered', labIdOf: (e) => e.labId })
export class ProjectBillUseCase {
  async execute(command: Command<BillRegistered>, unit: FhirUnitOfWork): Promise<void> {
    await unit.projection.saveBill(command.input);
  }
}

import { Injectable } from '@nestjs/common';
import { OrderUpdated, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** An order's new status. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.orderUpdated, { consumer: 'fhir.order-updated', labIdOf: (e) => e.labId })
export class ProjectOrderUpdatedUseCase {
  async execute(command: Command<OrderUpdated>, unit: FhirUnitOfWork): Promise<void> {
    await unit.projection.saveOrderUpdated(command.input);
  }
}

import { Injectable } from '@nestjs/common';
import { OrderCreated, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { FhirUnitOfWork } from '../fhir-unit-of-work';

/** A placed order (seed 004): ServiceRequest and its patient. Applied once per event (the seam's inbox claim). */
@Injectable()
@HandlesEvent(TOPICS.orderCreated, { consumer: 'fhir.order-created', labIdOf: (e) => e.labId })
export class ProjectOrderCreatedUseCase {
  async execute(command: Command<OrderCreated>, unit: FhirUnitOfWork): Promise<void> {
    await unit.projection.saveOrderCreated(command.input);
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeviceRegistered, OrderCreated, OrderUpdated, ReportFormatSaved, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ProjectionInbox } from './projection-inbox';
import { ProjectionRepository } from './projection.repository';

/** Test formats (parameter names, units), analyzers and orders (seed 004). */
@Controller()
export class CatalogEventsHandler {
  constructor(private readonly inbox: ProjectionInbox, private readonly projection: ProjectionRepository) {}

  @EventPattern(TOPICS.reportFormatSaved.name)
  async onFormatSaved(@Payload() event: ReportFormatSaved, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.report-format', ctx, (m) => this.projection.saveFormat(m, event));
  }

  @EventPattern(TOPICS.deviceRegistered.name)
  async onDeviceRegistered(@Payload() event: DeviceRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.device-registered', ctx, (m) => this.projection.saveDevice(m, event.labId, event.deviceId, event.name));
  }

  @EventPattern(TOPICS.orderCreated.name)
  async onOrderCreated(@Payload() event: OrderCreated, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.order-created', ctx, (m) => this.projection.saveOrderCreated(m, event));
  }

  @EventPattern(TOPICS.orderUpdated.name)
  async onOrderUpdated(@Payload() event: OrderUpdated, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.order-updated', ctx, (m) => this.projection.saveOrderUpdated(m, event));
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, WEBHOOK_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ListWebhookDeliveriesUseCase } from './list-webhook-deliveries.usecase';
import { ListWebhookEndpointsUseCase } from './list-webhook-endpoints.usecase';
import { RegisterWebhookEndpointUseCase } from './register-webhook-endpoint.usecase';

@Controller()
export class WebhooksHandler {
  constructor(
    private readonly register: RegisterWebhookEndpointUseCase,
    private readonly list: ListWebhookEndpointsUseCase,
    private readonly deliveries: ListWebhookDeliveriesUseCase,
  ) {}

  @MessagePattern(WEBHOOK_COMMANDS.register.pattern)
  async registerEndpoint(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 201, body: await this.register.execute(request, ctx) };
  }

  @MessagePattern(WEBHOOK_COMMANDS.list.pattern)
  async listEndpoints(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.list.execute(request) };
  }

  @MessagePattern(WEBHOOK_COMMANDS.deliveries.pattern)
  async listDeliveries(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.deliveries.execute(request) };
  }
}

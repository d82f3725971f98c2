import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, WORK_ORDER_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { DeviceWorkOrderUseCase } from './work-order.usecase';

@Controller()
export class WorkOrderHandler {
  constructor(private readonly workOrder: DeviceWorkOrderUseCase) {}

  @MessagePattern(WORK_ORDER_COMMANDS.get.pattern)
  async onWorkOrder(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.workOrder.execute(request, ctx) };
  }
}

import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, LAB_ORDER_COMMANDS, ORDER_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { CancelOrderUseCase } from './cancel-order.usecase';
import { PlaceOrderUseCase } from './place-order.usecase';
import { GetOrderResultUseCase } from './get-order-result.usecase';
import { GetOrderTransactionResultUseCase } from './get-order-transaction-result.usecase';
import { GetOrderTransactionUseCase } from './get-order-transaction.usecase';
import { GetOrderUseCase } from './get-order.usecase';
import { RecordLabResultsUseCase } from './record-lab-results.usecase';
import { UpdateLabStatusUseCase } from './update-lab-status.usecase';

/** Translates the gateway's order commands to use cases; no logic here. */
@Controller()
export class OrdersHandler {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly getOrder: GetOrderUseCase,
    private readonly getOrderResult: GetOrderResultUseCase,
    private readonly cancelOrder: CancelOrderUseCase,
    private readonly getTransaction: GetOrderTransactionUseCase,
    private readonly getTransactionResult: GetOrderTransactionResultUseCase,
    private readonly labStatus: UpdateLabStatusUseCase,
    private readonly labResults: RecordLabResultsUseCase,
  ) {}

  @MessagePattern(ORDER_COMMANDS.place.pattern)
  async place(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.placeOrder.execute(request, ctx) };
  }

  @MessagePattern(ORDER_COMMANDS.get.pattern)
  async get(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getOrder.execute(request) };
  }

  @MessagePattern(ORDER_COMMANDS.cancel.pattern)
  async cancel(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.cancelOrder.execute(request, ctx) };
  }

  @MessagePattern(ORDER_COMMANDS.result.pattern)
  async result(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getOrderResult.execute(request) };
  }

  @MessagePattern(ORDER_COMMANDS.getTransaction.pattern)
  async transaction(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getTransaction.execute(request) };
  }

  @MessagePattern(ORDER_COMMANDS.transactionResult.pattern)
  async transactionResult(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getTransactionResult.execute(request) };
  }

  @MessagePattern(LAB_ORDER_COMMANDS.status.pattern)
  async status(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.labStatus.execute(request, ctx) };
  }

  @MessagePattern(LAB_ORDER_COMMANDS.results.pattern)
  async results(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.labResults.execute(request, ctx) };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ORDER_COMMANDS, OrderResultView, OrderTransactionResultView, OrderTransactionView, OrderView, PlaceOrderInput,
  PlaceOrderResult, Principal,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { ApiLinks } from '../http/api-links.decorator';

/** seed 004: Junction-style orders and order transactions of the calling client. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v3')
export class OrdersController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @ApiLinks(200, {
    OrdersController_get: { orderId: '$response.body#/order_id' },
    OrdersController_cancel: { orderId: '$response.body#/order_id' },
    OrdersController_result: { orderId: '$response.body#/order_id' },
    OrdersController_transaction: { transactionId: '$response.body#/order_transaction_id' },
    OrdersController_transactionResult: { transactionId: '$response.body#/order_transaction_id' },
  })
  @Post('order')
  @HttpCode(200)
  @ApiOperation({ summary: 'Place an (initial) order; creates its order transaction' })
  async place(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal, @Body() body: PlaceOrderInput): Promise<PlaceOrderResult> {
    const result = await this.forwarder.forward(request, ORDER_COMMANDS.place, principal, body);
    void reply.status(result.status);
    return result.body;
  }

  @Get('order/:orderId')
  @ApiOperation({ summary: 'An order with its status history and order transaction' })
  async get(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<OrderView> {
    return (await this.forwarder.forward(request, ORDER_COMMANDS.get, principal, { orderId })).body;
  }

  @Post('order/:orderId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an order whose sample is not yet with the lab' })
  async cancel(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<OrderView> {
    return (await this.forwarder.forward(request, ORDER_COMMANDS.cancel, principal, { orderId }, { key: orderId })).body;
  }

  @Get('order/:orderId/result')
  @ApiOperation({ summary: 'The results of one order' })
  async result(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('orderId') orderId: string): Promise<OrderResultView> {
    return (await this.forwarder.forward(request, ORDER_COMMANDS.result, principal, { orderId })).body;
  }

  @Get('order_transaction/:transactionId')
  @ApiOperation({ summary: 'An order transaction: status and its orders by ascending creation' })
  async transaction(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('transactionId') transactionId: string): Promise<OrderTransactionView> {
    return (await this.forwarder.forward(request, ORDER_COMMANDS.getTransaction, principal, { transactionId })).body;
  }

  @Get('order_transaction/:transactionId/result')
  @ApiOperation({ summary: 'Combined results: each biomarker from whichever order produced it' })
  async transactionResult(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('transactionId') transactionId: string): Promise<OrderTransactionResultView> {
    return (await this.forwarder.forward(request, ORDER_COMMANDS.transactionResult, principal, { transactionId })).body;
  }
}

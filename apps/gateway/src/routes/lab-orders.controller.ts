import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LAB_ORDER_COMMANDS, LAB_ORDERS_SCOPE, LabResultsBody, LabStatusBody, OrderView, Principal } from '@labflow/contracts';
import { CurrentPrincipal, RequireScopes } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** The lab partner integration moves orders through their life (requisition, sample, results). */
@ApiTags('lab orders')
@ApiBearerAuth()
@RequireScopes(LAB_ORDERS_SCOPE)
@Controller('v3/lab/orders')
export class LabOrdersController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Post(':orderId/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report requisition_created or sample_received' })
  async status(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('orderId') orderId: string, @Body() body: LabStatusBody): Promise<OrderView> {
    return (await this.forwarder.forward(request, LAB_ORDER_COMMANDS.status, principal, { ...body, orderId }, { key: orderId })).body;
  }

  @Post(':orderId/results')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report per-biomarker results; final: true completes the order (or offers a redraw)' })
  async results(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('orderId') orderId: string, @Body() body: LabResultsBody): Promise<OrderView> {
    return (await this.forwarder.forward(request, LAB_ORDER_COMMANDS.results, principal, { ...body, orderId }, { key: orderId })).body;
  }
}

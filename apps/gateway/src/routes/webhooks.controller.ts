import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Principal, RegisteredWebhookEndpoint, RegisterWebhookEndpointInput, RotatedWebhookSecret, WEBHOOK_COMMANDS, WebhookDeliveryView,
  WebhookEndpointView,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { ApiLinks } from '../http/api-links.decorator';

/** Webhook endpoints of the calling client (seed 004 labtest.order.* events). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v3/webhooks')
export class WebhooksController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @ApiLinks(201, { WebhooksController_deliveries: { endpointId: '$response.body#/id' } })
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an endpoint; its signing secret is returned once' })
  async register(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterWebhookEndpointInput): Promise<RegisteredWebhookEndpoint> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.register, principal, body)).body;
  }

  @Get()
  @ApiOperation({ summary: 'The caller\'s endpoints' })
  async list(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<{ data: WebhookEndpointView[] }> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.list, principal, {})).body;
  }

  @Get(':endpointId/deliveries')
  @ApiOperation({ summary: 'Messages sent to an endpoint with every delivery attempt' })
  async deliveries(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('endpointId') endpointId: string): Promise<{ data: WebhookDeliveryView[] }> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.deliveries, principal, { endpointId }, { key: endpointId })).body;
  }

  @Post(':endpointId/secret/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate an endpoint\'s signing secret; the new secret is returned once',
    description: 'Until previous_secret_expires_at (24 h by default) every delivery carries two signatures, '
      + 'one with the new secret and one with the previous, so the receiver can switch without missing a delivery.',
  })
  async rotateSecret(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('endpointId') endpointId: string): Promise<RotatedWebhookSecret> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.rotateSecret, principal, { endpointId }, { key: endpointId })).body;
  }

  @Post(':endpointId/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable an endpoint: nothing is delivered to it',
    description: 'Order changes while it is disabled are not queued for it (skipped); deliveries queued before wait until it is enabled.',
  })
  async disable(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('endpointId') endpointId: string): Promise<WebhookEndpointView> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.disable, principal, { endpointId }, { key: endpointId })).body;
  }

  @Post(':endpointId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled endpoint again: its waiting deliveries are sent, new order changes are queued' })
  async enable(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('endpointId') endpointId: string): Promise<WebhookEndpointView> {
    return (await this.forwarder.forward(request, WEBHOOK_COMMANDS.enable, principal, { endpointId }, { key: endpointId })).body;
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_CONNECTION_COMMANDS, DeviceConnectionBody, DeviceConnectionView, Principal } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** A device's analyzer connection (docs/analyzers.md): what its bridge opens; the lab's users register it like the device and its mappings. */
@ApiTags('devices')
@ApiBearerAuth()
@Controller('api-v3/devices')
export class DeviceConnectionsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Put(':id/connection')
  @HttpCode(200)
  @ApiOperation({ summary: 'Register or replace how the analyzer bridge reaches the device (protocol, mode, address, vendor profile)' })
  async setConnection(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIntPipe) deviceId: number, @Body() body: DeviceConnectionBody,
  ): Promise<DeviceConnectionView> {
    const result = await this.forwarder.forward(request, DEVICE_CONNECTION_COMMANDS.set, principal, { ...body, deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }

  @Get(':id/connection')
  @ApiOperation({ summary: 'The device\'s registered connection' })
  async getConnection(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIntPipe) deviceId: number,
  ): Promise<DeviceConnectionView> {
    const result = await this.forwarder.forward(request, DEVICE_CONNECTION_COMMANDS.get, principal, { deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }

  @Delete(':id/connection')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove the device\'s connection: its bridge closes it at the next refresh' })
  async deleteConnection(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIntPipe) deviceId: number,
  ): Promise<DeviceConnectionView> {
    const result = await this.forwarder.forward(request, DEVICE_CONNECTION_COMMANDS.delete, principal, { deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }
}

import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_CONNECTION_COMMANDS, DeviceConnectionView, RegisteredConnectionInput } from '@labflow/contracts';
import { Public } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { RateLimitedPerDevice } from '../rate-limit/rate-limit.decorators';

/** The analyzer bridge reads a device's registered connection with the device's credentials (deviceAuth in the body authenticates it). */
@ApiTags('analyzers')
@Controller('api-v3/devices')
export class DeviceRegisteredConnectionController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Public()
  @RateLimitedPerDevice()
  @Post('connection')
  @HttpCode(200)
  @ApiOperation({ summary: 'The registered connection of the device whose token is given: what the analyzer bridge opens for it' })
  async registeredConnection(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: RegisteredConnectionInput,
  ): Promise<DeviceConnectionView> {
    const result = await this.forwarder.forward(request, DEVICE_CONNECTION_COMMANDS.registered, null, body, {
      key: `${body.labId}:connection`, callerIdentity: `${body.labId}:${body.deviceAuth}`,
    });
    void reply.status(result.status);
    return result.body;
  }
}

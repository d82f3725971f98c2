import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_COMMANDS, Principal, RegisterDeviceInput, RegisterDeviceResult } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('api-v3/devices')
export class DevicesController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an analyzer; its deviceAuth is returned once' })
  async register(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterDeviceInput,
  ): Promise<RegisterDeviceResult> {
    const result = await this.forwarder.forward(request, DEVICE_COMMANDS.register, principal, body);
    void reply.status(result.status);
    return result.body;
  }
}

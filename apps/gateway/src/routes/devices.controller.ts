import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DEVICE_COMMANDS, DeviceMappingBody, DeviceMappingResult, Principal, RegisterDeviceInput, RegisterDeviceResult,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { ApiLinks } from '../http/api-links.decorator';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('api-v3/devices')
export class DevicesController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @ApiLinks(201, {
    DevicesController_addMapping: { id: '$response.body#/id' },
    ReportReadsController_deviceResults: { deviceId: '$response.body#/id' },
    VerificationController_setQcHold: { deviceId: '$response.body#/id' },
    VerificationController_clearQcHold: { deviceId: '$response.body#/id' },
  })
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

  @Post(':id/mappings')
  @HttpCode(201)
  @ApiOperation({ summary: 'Map a test to a mapping function (PartialFill) and analyzer codes to parameter indexes' })
  async addMapping(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIntPipe) deviceId: number,
    @Body() body: DeviceMappingBody,
  ): Promise<DeviceMappingResult> {
    const result = await this.forwarder.forward(request, DEVICE_COMMANDS.addMapping, principal, { ...body, deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }
}

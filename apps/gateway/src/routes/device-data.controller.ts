import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataPartialFromDeviceInput, DataPartialFromDeviceResult, DEVICE_COMMANDS } from '@labflow/contracts';
import { Public } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { RateLimitedPerDevice } from '../rate-limit/rate-limit.decorators';

/** seed 002 §2: the interfacing bridge posts parsed analyzer output; deviceAuth in the body authenticates it. */
@ApiTags('analyzers')
@Controller()
export class DeviceDataController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Public()
  @RateLimitedPerDevice()
  @Post('dataPartialFromDevice')
  @HttpCode(200)
  @ApiOperation({ summary: 'An analyzer\'s results for one sample, with its test flags and per-parameter flags; authenticated by the device token (deviceAuth) in the body' })
  async dataPartialFromDevice(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: DataPartialFromDeviceInput,
  ): Promise<DataPartialFromDeviceResult> {
    const result = await this.forwarder.forward(request, DEVICE_COMMANDS.dataPartial, null, body, {
      key: `${body.labId}:${body.sampleId}`, callerIdentity: `${body.labId}:${body.deviceAuth ?? ''}`,
    });
    void reply.status(result.status);
    return result.body;
  }
}

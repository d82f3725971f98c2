import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeviceWorkOrderInput, DeviceWorkOrderResult, WORK_ORDER_COMMANDS } from '@labflow/contracts';
import { Public } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { RateLimitedPerDevice } from '../rate-limit/rate-limit.decorators';

/** An analyzer's host query (answered by the analyzer bridge as ASTM O records or HL7 RSP^K11); deviceAuth in the body authenticates it. */
@ApiTags('analyzers')
@Controller('api-v3/devices')
export class DeviceWorkOrderController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Public()
  @RateLimitedPerDevice()
  @Post('work-order')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the device should measure on a sample: its mapped tests without values, or an open rerun\'s requested parameters' })
  async workOrder(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: DeviceWorkOrderInput,
  ): Promise<DeviceWorkOrderResult> {
    const result = await this.forwarder.forward(request, WORK_ORDER_COMMANDS.get, null, body, {
      key: `${body.labId}:${body.sampleId}`, callerIdentity: `${body.labId}:${body.deviceAuth}`,
    });
    void reply.status(result.status);
    return result.body;
  }
}

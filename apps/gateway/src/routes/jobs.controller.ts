import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { JobView, Principal, SPECIMEN_COMMANDS } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** seed 003's asynchronous requests answer with a job; this shows its status and, when failed, why. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Get(':jobId')
  @ApiOperation({ summary: 'A job: pending, processed, or failed with the reason' })
  async get(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('jobId') jobId: string): Promise<JobView> {
    return (await this.forwarder.forward(request, SPECIMEN_COMMANDS.getJob, principal, { jobId })).body;
  }
}

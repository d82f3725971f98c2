import { Body, Controller, Get, HttpCode, Param, Patch, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  JobAccepted, Principal, SetReceivedTimeBody, SetSpecimenStatusBody, SPECIMEN_COMMANDS, SpecimenView,
} from '@labflow/contracts';
import { CurrentPrincipal, RequireScopes } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** seed 003: a patient's specimens; the received time is set once, asynchronously (a job). */
@ApiTags('specimens')
@ApiBearerAuth()
@Controller('api/patients/:patientId/specimens/:id')
export class SpecimensController {
  constructor(private readonly forwarder: CommandForwarder) {}

  /** seed 003's success row is 200 (it answers with the job, not the result): 200, not 202. */
  @Patch('actions/')
  @HttpCode(200)
  @RequireScopes('specimen:process')
  @ApiOperation({ summary: 'Set the time the lab received the specimen (once); answers with a job to follow' })
  async setReceivedTime(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Param('id') id: string,
    @Body() body: SetReceivedTimeBody,
  ): Promise<JobAccepted> {
    const result = await this.forwarder.forward(request, SPECIMEN_COMMANDS.setReceivedTime, principal, { ...body, patientId, id }, { key: id });
    void reply.status(result.status);
    return result.body;
  }

  @Get()
  @RequireScopes('specimen:read')
  @ApiOperation({ summary: 'A specimen as stored, with its received time' })
  async get(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Param('id') id: string,
  ): Promise<SpecimenView> {
    return (await this.forwarder.forward(request, SPECIMEN_COMMANDS.getSpecimen, principal, { patientId, id })).body;
  }

  @Put('status')
  @HttpCode(200)
  @RequireScopes('specimen:admin')
  @ApiOperation({ summary: 'Mark a specimen unavailable, unsatisfactory or entered in error (or available again)' })
  async setStatus(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Param('patientId') patientId: string,
    @Param('id') id: string,
    @Body() body: SetSpecimenStatusBody,
  ): Promise<SpecimenView> {
    return (await this.forwarder.forward(request, SPECIMEN_COMMANDS.setStatus, principal, { ...body, patientId, id }, { key: id })).body;
  }
}

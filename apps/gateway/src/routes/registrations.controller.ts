import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal, REGISTRATION_COMMANDS, RegisterPatientInput, RegisterPatientResult } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

@ApiTags('registration')
@ApiBearerAuth()
@Controller('api-v3/registrations')
export class RegistrationsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a patient with a bill, its tests (lab reports) and samples (specimens)' })
  async register(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterPatientInput,
  ): Promise<RegisterPatientResult> {
    const result = await this.forwarder.forward(request, REGISTRATION_COMMANDS.register, principal, body);
    void reply.status(result.status);
    return result.body;
  }
}

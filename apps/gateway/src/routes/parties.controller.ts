import { Body, Controller, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  LegalEntityView, PartyView, Principal, SPECIMEN_COMMANDS, UpsertLegalEntityBody, UpsertPartyBody,
} from '@labflow/contracts';
import { CurrentPrincipal, RequireScopes } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** The party and legal entity data seed 003's authorization rules read, as the registries report them. */
@ApiTags('parties')
@ApiBearerAuth()
@Controller('api')
export class PartiesController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Put('parties/:partyId')
  @HttpCode(200)
  @RequireScopes('party:admin')
  @ApiOperation({ summary: 'Record a party\'s verification status and death verification' })
  async upsertParty(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Param('partyId') partyId: string,
    @Body() body: UpsertPartyBody,
  ): Promise<PartyView> {
    return (await this.forwarder.forward(request, SPECIMEN_COMMANDS.upsertParty, principal, { ...body, partyId }, { key: partyId })).body;
  }

  @Put('legal-entities/:clientId')
  @HttpCode(200)
  @RequireScopes('party:admin')
  @ApiOperation({ summary: 'Record a legal entity\'s status (the token\'s client_id must be ACTIVE)' })
  async upsertLegalEntity(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body() body: UpsertLegalEntityBody,
  ): Promise<LegalEntityView> {
    return (await this.forwarder.forward(request, SPECIMEN_COMMANDS.upsertLegalEntity, principal, { ...body, clientId }, { key: clientId })).body;
  }
}

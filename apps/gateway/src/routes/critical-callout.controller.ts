import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CalloutExportBody, CalloutExportRecord, CRITICAL_COMMANDS, CriticalLogEntry, CriticalLogsQuery, CriticalRecordsQuery, CriticalRecordsResult,
  Principal, RecordCalloutBody, RecordCalloutResult,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** seed 001: the critical callout endpoints (and the write the spec implies). */
@ApiTags('critical-callout')
@ApiBearerAuth()
@Controller()
export class CriticalCalloutController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Get('report/bulk/critical-notification/logs')
  @ApiOperation({ summary: 'Callout timeline (activity category 648) of the given lab reports, oldest first' })
  async logs(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Query() query: CriticalLogsQuery,
  ): Promise<CriticalLogEntry[]> {
    const result = await this.forwarder.forward(request, CRITICAL_COMMANDS.calloutLogs, principal, query);
    void reply.status(result.status);
    return result.body;
  }

  @Get('report/:billId/critical/records')
  @ApiOperation({ summary: 'Critical reports of a bill with their critical parameters and the restorable draft callout' })
  async records(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param() { billId }: CriticalRecordsQuery,
  ): Promise<CriticalRecordsResult> {
    const result = await this.forwarder.forward(request, CRITICAL_COMMANDS.records, principal, { billId });
    void reply.status(result.status);
    return result.body;
  }

  @Post('report/:billId/critical/callout')
  @HttpCode(201)
  @ApiOperation({ summary: 'Save a draft, record an attempt or a done callout for reports of the bill' })
  async record(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param() { billId }: CriticalRecordsQuery,
    @Body() body: RecordCalloutBody,
  ): Promise<RecordCalloutResult> {
    const result = await this.forwarder.forward(request, CRITICAL_COMMANDS.recordCallout, principal, { ...body, billId }, { key: billId });
    void reply.status(result.status);
    return result.body;
  }

  @Post('operation/critical-callout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Latest callout record per lab report, for the worklist export' })
  async export(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CalloutExportBody,
  ): Promise<CalloutExportRecord[]> {
    const result = await this.forwarder.forward(request, CRITICAL_COMMANDS.exportCallouts, principal, body);
    void reply.status(result.status);
    return result.body;
  }
}

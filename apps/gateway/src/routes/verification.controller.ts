import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DeviceIdPath, DryRunBody, DryRunResult, Principal, QcHoldBody, QcHoldView, RejectBody, ReviewBody, RuleSetBody, RuleSetView, TestIdPath,
  VERIFICATION_COMMANDS, VerificationDecisionView, VerificationLabReportPath,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** Autoverification (docs/autoverification.md): rule sets, QC holds, decisions, review, dry runs. */
@ApiTags('verification')
@ApiBearerAuth()
@Controller('api-v3/verification')
export class VerificationController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Put('rule-sets/:testId')
  @HttpCode(201)
  @ApiOperation({ summary: 'Save a test\'s autoverification rule set as its next version' })
  async saveRuleSet(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { testId }: TestIdPath, @Body() body: RuleSetBody,
  ): Promise<RuleSetView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.saveRuleSet, principal, { ...body, testId }, { key: testId });
    void reply.status(result.status);
    return result.body;
  }

  @Get('rule-sets/:testId')
  @ApiOperation({ summary: 'The test\'s latest rule set (active or not)' })
  async getRuleSet(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal, @Param() { testId }: TestIdPath,
  ): Promise<RuleSetView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.getRuleSet, principal, { testId });
    void reply.status(result.status);
    return result.body;
  }

  @Post('rule-sets/:testId/dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide the test\'s reports of the last N days again under a rule set version, without applying it' })
  async dryRun(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { testId }: TestIdPath, @Body() body: DryRunBody,
  ): Promise<DryRunResult> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.dryRun, principal, { ...body, testId });
    void reply.status(result.status);
    return result.body;
  }

  @Put('devices/:deviceId/qc-hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'QC failed on the device since T: hold its results until cleared' })
  async setQcHold(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { deviceId }: DeviceIdPath, @Body() body: QcHoldBody,
  ): Promise<QcHoldView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.setQcHold, principal, { ...body, deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }

  @Delete('devices/:deviceId/qc-hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clear the device\'s QC hold' })
  async clearQcHold(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal, @Param() { deviceId }: DeviceIdPath,
  ): Promise<QcHoldView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.clearQcHold, principal, { deviceId }, { key: deviceId });
    void reply.status(result.status);
    return result.body;
  }

  @Get('lab-reports/:labReportId')
  @ApiOperation({ summary: 'The lab report\'s verification decision: status, every rule that fired with its inputs, review' })
  async decision(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { labReportId }: VerificationLabReportPath,
  ): Promise<VerificationDecisionView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.decision, principal, { labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post('lab-reports/:labReportId/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a held report with a comment' })
  async release(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { labReportId }: VerificationLabReportPath, @Body() body: ReviewBody,
  ): Promise<VerificationDecisionView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.release, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post('lab-reports/:labReportId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a held report with a comment; optionally request a rerun of its held parameters' })
  async reject(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param() { labReportId }: VerificationLabReportPath, @Body() body: RejectBody,
  ): Promise<VerificationDecisionView> {
    const result = await this.forwarder.forward(request, VERIFICATION_COMMANDS.reject, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }
}

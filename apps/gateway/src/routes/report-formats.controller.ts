import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal, REPORT_FORMAT_COMMANDS, ReportFormatBody, ReportFormatResult } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { ApiLinks } from '../http/api-links.decorator';

@ApiTags('report formats')
@ApiBearerAuth()
@Controller('reporting/report-format')
export class ReportFormatsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @ApiLinks(201, {
    ReportFormatsController_update: { testId: '$response.body#/testId' },
    VerificationController_saveRuleSet: { testId: '$response.body#/testId' },
    VerificationController_getRuleSet: { testId: '$response.body#/testId' },
    VerificationController_dryRun: { testId: '$response.body#/testId' },
  })
  @Post('create')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a test and its report format: parameters, reference and critical ranges, age ranges, calculations, auto-rerun settings' })
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Body() body: ReportFormatBody,
  ): Promise<ReportFormatResult> {
    const result = await this.forwarder.forward(request, REPORT_FORMAT_COMMANDS.create, principal, body);
    void reply.status(result.status);
    return result.body;
  }

  @Post(':testId/update')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace a test\'s report format; enable_device_flags keeps the analyzer\'s flags with each value' })
  async update(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentPrincipal() principal: Principal,
    @Param('testId', ParseIntPipe) testId: number,
    @Body() body: ReportFormatBody,
  ): Promise<ReportFormatResult> {
    const result = await this.forwarder.forward(request, REPORT_FORMAT_COMMANDS.update, principal, { ...body, testId }, { key: testId });
    void reply.status(result.status);
    return result.body;
  }
}

import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AutoRerunCheckBody, ConfirmRerunBody, Principal, RERUN_COMMANDS, RequestSampleRerunBody, RerunMessageResult, RerunValuesBody,
  SampleRerunValuesResult,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

const labReportIdPipe = new ParseIntPipe({
  exceptionFactory: () => new BadRequestException({ statusCode: 400, message: 'lab_report_id must be a positive whole number', code: 'VALIDATION_FAILED' }),
});

/** The lab report id as its owner stores it (a PostgreSQL int). */
const LabReportIdPath = () => ApiParam({ name: 'labReportId', schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } });

/** seed 000: the six sample-rerun endpoints, owned by the rerun app. Commands are keyed by lab report. */
@ApiTags('sample rerun')
@ApiBearerAuth()
@Controller('api-v3/sample-rerun')
export class SampleRerunController {
  constructor(private readonly forwarder: CommandForwarder) {}

  /**
   * seed 000 §1 guard: the lab report id must be given. Served, but not in the OpenAPI document: no
   * request to it can succeed, so it is no operation a client calls (a fuzzer would read its empty
   * parameter list as "every request is valid").
   */
  @Get()
  @ApiExcludeEndpoint()
  missingId(): never {
    throw new BadRequestException({ statusCode: 400, message: 'lab_report_id is required', code: 'VALIDATION_FAILED' });
  }

  @Get(':labReportId')
  @ApiOperation({ summary: 'The rerun values of a lab report, grouped by rerun number' })
  @LabReportIdPath()
  async values(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number,
  ): Promise<SampleRerunValuesResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.values, principal, { labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post(':labReportId/request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Request a rerun of some parameters (the report shows sampleRedrawFlag 3); 409 while another rerun is in progress' })
  @LabReportIdPath()
  async request(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number, @Body() body: RequestSampleRerunBody,
  ): Promise<RerunMessageResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.request, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post(':labReportId/new')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rerun values from the instrument: rerun_number -1 when the instrument reran by itself, otherwise the number of the request it answers' })
  @LabReportIdPath()
  async receive(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number, @Body() body: RerunValuesBody,
  ): Promise<RerunMessageResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.receiveValues, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post(':labReportId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the values chosen for the report and close the rerun (sampleRedrawFlag back to 0)' })
  @LabReportIdPath()
  async confirm(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number, @Body() body: ConfirmRerunBody,
  ): Promise<RerunMessageResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.confirm, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post(':labReportId/abort')
  @HttpCode(200)
  @ApiOperation({ summary: 'Abort the rerun in progress (sampleRedrawFlag back to 0); the report keeps its values' })
  @LabReportIdPath()
  async abort(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number,
  ): Promise<RerunMessageResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.abort, principal, { labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }

  @Post(':labReportId/auto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check values against the test\'s auto-rerun settings and queue a rerun when they qualify' })
  @LabReportIdPath()
  async auto(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('labReportId', labReportIdPipe) labReportId: number, @Body() body: AutoRerunCheckBody,
  ): Promise<RerunMessageResult> {
    const result = await this.forwarder.forward(request, RERUN_COMMANDS.autoCheck, principal, { ...body, labReportId }, { key: labReportId });
    void reply.status(result.status);
    return result.body;
  }
}

import { Controller, Get, Param, ParseIntPipe, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  DeviceResultsValidationDates, DeviceResultsValidationResult, PatientReportsResult, Principal, REPORT_READ_COMMANDS,
  ReportEntryQuery, ReportEntryResult,
} from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';

/** The three seed 002 reads that show machine flags (never a printable representation). */
@ApiTags('report reads')
@ApiBearerAuth()
@Controller()
export class ReportReadsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Get('getReportFormatForTestEntry')
  @ApiOperation({ summary: 'seed 002 §3: report entry values (with machine flags), format, history, signing meta' })
  async reportEntry(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() query: ReportEntryQuery): Promise<ReportEntryResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.reportEntry, principal, query)).body;
  }

  @Get('api-v3/patient/:labReportId/all-reports')
  @ApiOperation({ summary: 'seed 002 §4: every report of the patient with values and machine flags' })
  async patientReports(
    @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('labReportId', ParseIntPipe) labReportId: number,
  ): Promise<PatientReportsResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.patientReports, principal, { labReportId })).body;
  }

  @Get('api-v3/interfacing/device-results-validation/:deviceId')
  @ApiOperation({ summary: 'seed 002 §5: interfaced device results with machine flags and related reports' })
  async deviceResults(
    @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('deviceId', ParseIntPipe) deviceId: number, @Query() query: DeviceResultsValidationDates,
  ): Promise<DeviceResultsValidationResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.deviceResultsValidation, principal, { ...query, deviceId })).body;
  }
}

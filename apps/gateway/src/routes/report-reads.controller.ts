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
  @ApiOperation({ summary: 'What a technologist sees to enter or review a lab report: values with analyzer flags, the format, earlier results and signing state' })
  async reportEntry(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() query: ReportEntryQuery): Promise<ReportEntryResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.reportEntry, principal, query)).body;
  }

  @Get('api-v3/patient/:labReportId/all-reports')
  @ApiOperation({ summary: 'Every lab report of the patient behind this lab report, with values and analyzer flags' })
  async patientReports(
    @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('labReportId', ParseIntPipe) labReportId: number,
  ): Promise<PatientReportsResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.patientReports, principal, { labReportId })).body;
  }

  @Get('api-v3/interfacing/device-results-validation/:deviceId')
  @ApiOperation({ summary: 'The results an analyzer sent in a period, with their flags and the lab reports they went to (for validation)' })
  async deviceResults(
    @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal,
    @Param('deviceId', ParseIntPipe) deviceId: number, @Query() query: DeviceResultsValidationDates,
  ): Promise<DeviceResultsValidationResult> {
    return (await this.forwarder.forward(request, REPORT_READ_COMMANDS.deviceResultsValidation, principal, { ...query, deviceId })).body;
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, REPORT_READ_COMMANDS } from '@labflow/contracts';
import { GetDeviceResultsValidationUseCase } from './get-device-results-validation.usecase';
import { GetPatientReportsUseCase } from './get-patient-reports.usecase';
import { GetReportEntryUseCase } from './get-report-entry.usecase';
import { VerificationBlocks } from '../verification';

@Controller()
export class ReportReadsHandler {
  constructor(
    private readonly reportEntry: GetReportEntryUseCase,
    private readonly patientReports: GetPatientReportsUseCase,
    private readonly deviceResults: GetDeviceResultsValidationUseCase,
    private readonly verification: VerificationBlocks,
  ) {}

  @MessagePattern(REPORT_READ_COMMANDS.reportEntry.pattern)
  async onReportEntry(@Payload() request: CommandRequest): Promise<CommandReply> {
    return this.verification.attach(REPORT_READ_COMMANDS.reportEntry.pattern, request, { ok: true, status: 200, body: await this.reportEntry.execute(request) });
  }

  @MessagePattern(REPORT_READ_COMMANDS.patientReports.pattern)
  async onPatientReports(@Payload() request: CommandRequest): Promise<CommandReply> {
    return this.verification.attach(REPORT_READ_COMMANDS.patientReports.pattern, request, { ok: true, status: 200, body: await this.patientReports.execute(request) });
  }

  @MessagePattern(REPORT_READ_COMMANDS.deviceResultsValidation.pattern)
  async onDeviceResults(@Payload() request: CommandRequest): Promise<CommandReply> {
    return this.verification.attach(REPORT_READ_COMMANDS.deviceResultsValidation.pattern, request, { ok: true, status: 200, body: await this.deviceResults.execute(request) });
  }
}

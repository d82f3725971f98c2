import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal, REGISTRATION_COMMANDS, RegisterPatientInput, RegisterPatientResult } from '@labflow/contracts';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { ApiLinks } from '../http/api-links.decorator';

@ApiTags('registration')
@ApiBearerAuth()
@Controller('api-v3/registrations')
export class RegistrationsController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @ApiLinks(201, {
    SampleRerunController_values: { labReportId: '$response.body#/labReports/0/labReportId' },
    SampleRerunController_request: { labReportId: '$response.body#/labReports/0/labReportId' },
    SampleRerunController_receive: { labReportId: '$response.body#/labReports/0/labReportId' },
    SampleRerunController_confirm: { labReportId: '$response.body#/labReports/0/labReportId' },
    SampleRerunController_abort: { labReportId: '$response.body#/labReports/0/labReportId' },
    SampleRerunController_auto: { labReportId: '$response.body#/labReports/0/labReportId' },
    VerificationController_decision: { labReportId: '$response.body#/labReports/0/labReportId' },
    VerificationController_release: { labReportId: '$response.body#/labReports/0/labReportId' },
    VerificationController_reject: { labReportId: '$response.body#/labReports/0/labReportId' },
    ReportReadsController_patientReports: { labReportId: '$response.body#/labReports/0/labReportId' },
    ReportReadsController_reportEntry: { labReportId: '$response.body#/labReports/0/labReportId' },
    CriticalCalloutController_records: { billId: '$response.body#/billId' },
    CriticalCalloutController_record: { billId: '$response.body#/billId' },
    SpecimensController_get: { patientId: '$response.body#/patientId', id: '$response.body#/samples/0/specimenId' },
    SpecimensController_setStatus: { patientId: '$response.body#/patientId', id: '$response.body#/samples/0/specimenId' },
    SpecimensController_setReceivedTime: { patientId: '$response.body#/patientId', id: '$response.body#/samples/0/specimenId' },
  })
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

import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_COMMANDS, FhirJson, FhirReadType, FhirSearchQuery, FhirSearchType, Principal } from '@labflow/contracts';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { FHIR_CONTENT_TYPE } from '../http/fhir-outcome';
import {
  DiagnosticReportSearchQuery, ObservationSearchQuery, ServiceRequestSearchQuery, SpecimenSearchQuery,
} from './fhir-search-queries';

/**
 * FHIR R4 read model (apps/fhir): read, search, CapabilityStatement; errors are OperationOutcomes.
 * One route per type (not `/:type`), so the route table, the OpenAPI document and the tenancy matrix
 * name each resource's id. metadata and the extension definitions are public (no bearer).
 */
@ApiTags('fhir')
@Controller('fhir/R4')
export class FhirController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Get('metadata')
  @Public()
  @ApiOperation({ summary: 'The CapabilityStatement: resource types, interactions and search parameters served' })
  async metadata(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<FhirJson> {
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.metadata, null, {})).body);
  }

  @Get('StructureDefinition/:id')
  @Public()
  @ApiOperation({ summary: 'A StructureDefinition of LabFlow\'s extensions (definitions, the same for every lab)' })
  async structureDefinition(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('id') id: string): Promise<FhirJson> {
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.definition, null, { id })).body);
  }

  @Get('DiagnosticReport/:id')
  @ApiOperation({ summary: 'A lab report as a DiagnosticReport' })
  @ApiBearerAuth()
  diagnosticReport(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'DiagnosticReport', id);
  }

  @Get('Observation/:id')
  @ApiOperation({ summary: 'A report parameter as an Observation (id <labReportId>-<index>)' })
  @ApiBearerAuth()
  observation(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'Observation', id);
  }

  @Get('Specimen/:id')
  @ApiOperation({ summary: 'A sample as a Specimen (collected and received times)' })
  @ApiBearerAuth()
  specimen(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'Specimen', id);
  }

  @Get('ServiceRequest/:id')
  @ApiOperation({ summary: 'An order (or its redraw) or a bill\'s test (lr-<labReportId>) as a ServiceRequest' })
  @ApiBearerAuth()
  serviceRequest(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'ServiceRequest', id);
  }

  @Get('Patient/:id')
  @ApiOperation({ summary: 'A registered patient (or an order\'s, ot-<transactionId>)' })
  @ApiBearerAuth()
  patient(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'Patient', id);
  }

  @Get('Device/:id')
  @ApiOperation({ summary: 'An analyzer as a Device' })
  @ApiBearerAuth()
  device(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<FhirJson> {
    return this.read(q, r, p, 'Device', id);
  }

  @Get('DiagnosticReport')
  @ApiOperation({ summary: 'Search lab reports: patient, date, status, code; _include=DiagnosticReport:result' })
  @ApiBearerAuth()
  searchReports(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Query() query: DiagnosticReportSearchQuery): Promise<FhirJson> {
    return this.search(q, r, p, 'DiagnosticReport', query);
  }

  @Get('Observation')
  @ApiOperation({ summary: 'Search observations: patient, code, date' })
  @ApiBearerAuth()
  searchObservations(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Query() query: ObservationSearchQuery): Promise<FhirJson> {
    return this.search(q, r, p, 'Observation', query);
  }

  @Get('Specimen')
  @ApiOperation({ summary: 'Search specimens: patient' })
  @ApiBearerAuth()
  searchSpecimens(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Query() query: SpecimenSearchQuery): Promise<FhirJson> {
    return this.search(q, r, p, 'Specimen', query);
  }

  @Get('ServiceRequest')
  @ApiOperation({ summary: 'Search requests: requisition (an order transaction or a bill)' })
  @ApiBearerAuth()
  searchRequests(@Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply, @CurrentPrincipal() p: Principal, @Query() query: ServiceRequestSearchQuery): Promise<FhirJson> {
    return this.search(q, r, p, 'ServiceRequest', query);
  }

  private async read(request: FastifyRequest, reply: FastifyReply, principal: Principal, resourceType: FhirReadType, id: string): Promise<FhirJson> {
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.read, principal, { resourceType, id })).body);
  }

  private async search(request: FastifyRequest, reply: FastifyReply, principal: Principal, resourceType: FhirSearchType, query: FhirSearchQuery): Promise<FhirJson> {
    const input = { ...query, resourceType, base: baseOf(request) };
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.search, principal, input)).body);
  }
}

function fhir(reply: FastifyReply, body: FhirJson): FhirJson {
  void reply.header('content-type', FHIR_CONTENT_TYPE);
  return body;
}

/** The FHIR base as the client reached it (Bundle fullUrl and paging links). */
function baseOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}/fhir/R4`;
}

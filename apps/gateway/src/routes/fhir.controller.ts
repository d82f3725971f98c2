import { Controller, Get, HttpException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_COMMANDS, FHIR_READ_TYPES, FHIR_SEARCH_TYPES, FhirJson, FhirReadType, FhirSearchQuery, FhirSearchType, Principal } from '@labflow/contracts';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import { CommandForwarder } from '../bus/command-forwarder';
import { FHIR_CONTENT_TYPE } from '../http/fhir-outcome';

/** FHIR R4 read model (apps/fhir): read, search, CapabilityStatement; errors are OperationOutcomes. */
@ApiTags('fhir')
@ApiBearerAuth()
@Controller('fhir/R4')
export class FhirController {
  constructor(private readonly forwarder: CommandForwarder) {}

  @Get('metadata')
  @Public()
  @ApiOperation({ summary: 'The CapabilityStatement: resource types, interactions and search parameters served' })
  async metadata(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<FhirJson> {
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.metadata, null, {})).body);
  }

  @Get(':resourceType')
  @ApiOperation({ summary: 'Search DiagnosticReport, Observation, Specimen or ServiceRequest of the caller\'s lab (a searchset Bundle)' })
  async search(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('resourceType') resourceType: string, @Query() query: FhirSearchQuery,
  ): Promise<FhirJson> {
    if (!(FHIR_SEARCH_TYPES as readonly string[]).includes(resourceType)) {
      throw new HttpException({ statusCode: 404, message: `Search of ${resourceType} is not supported`, code: 'NOT_FOUND' }, 404);
    }
    const input = { ...query, resourceType: resourceType as FhirSearchType, base: baseOf(request) };
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.search, principal, input)).body);
  }

  @Get(':resourceType/:id')
  @ApiOperation({ summary: 'One resource of the caller\'s lab (another lab\'s id is 404)' })
  async read(
    @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal,
    @Param('resourceType') resourceType: string, @Param('id') id: string,
  ): Promise<FhirJson> {
    if (!(FHIR_READ_TYPES as readonly string[]).includes(resourceType)) {
      throw new HttpException({ statusCode: 404, message: `Resource type ${resourceType} is not supported`, code: 'NOT_FOUND' }, 404);
    }
    const input = { resourceType: resourceType as FhirReadType, id };
    return fhir(reply, (await this.forwarder.forward(request, FHIR_COMMANDS.read, principal, input)).body);
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

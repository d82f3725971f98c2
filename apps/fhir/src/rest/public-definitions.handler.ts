import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, FHIR_COMMANDS, FhirDefinitionInput, FhirJson } from '@labflow/contracts';
import { validInput } from '@labflow/platform/handling';
import { capabilityStatement } from '../mapping/capability-statement';
import { extensionDefinitions } from '../mapping/structure-definitions';
import { FHIR_ERRORS } from '../fhir.errors';

/**
 * The two reads without a token (the same for every lab, from code, no store): the CapabilityStatement
 * and this server's StructureDefinitions. Not use cases behind the seam, which requires a principal.
 */
@Controller()
export class PublicDefinitionsHandler {
  @MessagePattern(FHIR_COMMANDS.metadata.pattern)
  onMetadata(): CommandReply {
    return { ok: true, status: 200, body: capabilityStatement('1.0.0') };
  }

  @MessagePattern(FHIR_COMMANDS.definition.pattern)
  onDefinition(@Payload() request: CommandRequest): CommandReply {
    const { id } = validInput(FhirDefinitionInput, request.input);
    const found = extensionDefinitions().find((d) => d.id === id);
    if (!found) throw FHIR_ERRORS.toException(FHIR_ERRORS.error('NOT_FOUND', `StructureDefinition/${id}`));
    return { ok: true, status: 200, body: found as FhirJson };
  }
}

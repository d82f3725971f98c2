import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, FHIR_COMMANDS, FhirDefinitionInput, FhirJson } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { validInput } from '@labflow/platform/service';
import { capabilityStatement } from '../mapping/capability-statement';
import { extensionDefinitions } from '../mapping/structure-definitions';
import { ReadResourceUseCase } from './read-resource.usecase';
import { SearchResourcesUseCase } from './search-resources.usecase';

@Controller()
export class FhirHandler {
  constructor(private readonly read: ReadResourceUseCase, private readonly search: SearchResourcesUseCase) {}

  @MessagePattern(FHIR_COMMANDS.read.pattern)
  async onRead(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.read.execute(request) };
  }

  @MessagePattern(FHIR_COMMANDS.search.pattern)
  async onSearch(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.search.execute(request) };
  }

  @MessagePattern(FHIR_COMMANDS.metadata.pattern)
  onMetadata(): CommandReply {
    return { ok: true, status: 200, body: capabilityStatement('1.0.0') };
  }

  @MessagePattern(FHIR_COMMANDS.definition.pattern)
  onDefinition(@Payload() request: CommandRequest): CommandReply {
    const { id } = validInput(FhirDefinitionInput, request.input);
    const found = extensionDefinitions().find((d) => d.id === id);
    if (!found) throw new DomainException(404, 'NOT_FOUND', `StructureDefinition/${id} not found`);
    return { ok: true, status: 200, body: found as FhirJson };
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, FHIR_COMMANDS } from '@labflow/contracts';
import { capabilityStatement } from '../mapping/capability-statement';
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
}

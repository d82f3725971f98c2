import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { CommandReply, CommandRequest, SPECIMEN_COMMANDS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { GetJobUseCase } from '../jobs/get-job.usecase';
import { UpsertLegalEntityUseCase } from '../parties/upsert-legal-entity.usecase';
import { UpsertPartyUseCase } from '../parties/upsert-party.usecase';
import { GetSpecimenUseCase } from './get-specimen.usecase';
import { SetReceivedTimeUseCase } from './set-received-time.usecase';
import { SetSpecimenStatusUseCase } from './set-specimen-status.usecase';

/** The specimen app's commands from the gateway; each translates to one use case. */
@Controller()
export class SpecimensHandler {
  constructor(
    private readonly setReceivedTime: SetReceivedTimeUseCase,
    private readonly getJob: GetJobUseCase,
    private readonly getSpecimen: GetSpecimenUseCase,
    private readonly setStatus: SetSpecimenStatusUseCase,
    private readonly upsertParty: UpsertPartyUseCase,
    private readonly upsertLegalEntity: UpsertLegalEntityUseCase,
  ) {}

  /** seed 003's success row is 200 (not 202): the body is the job to follow. */
  @MessagePattern(SPECIMEN_COMMANDS.setReceivedTime.pattern)
  async receivedTime(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.setReceivedTime.execute(request, ctx) };
  }

  @MessagePattern(SPECIMEN_COMMANDS.getJob.pattern)
  async job(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getJob.execute(request) };
  }

  @MessagePattern(SPECIMEN_COMMANDS.getSpecimen.pattern)
  async specimen(@Payload() request: CommandRequest): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.getSpecimen.execute(request) };
  }

  @MessagePattern(SPECIMEN_COMMANDS.setStatus.pattern)
  async status(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.setStatus.execute(request, ctx) };
  }

  @MessagePattern(SPECIMEN_COMMANDS.upsertParty.pattern)
  async party(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.upsertParty.execute(request, ctx) };
  }

  @MessagePattern(SPECIMEN_COMMANDS.upsertLegalEntity.pattern)
  async legalEntity(@Payload() request: CommandRequest, @Ctx() ctx: KafkaMessageContext): Promise<CommandReply> {
    return { ok: true, status: 200, body: await this.upsertLegalEntity.execute(request, ctx) };
  }
}

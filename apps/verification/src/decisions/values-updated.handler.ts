import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ReportValuesUpdated, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { DecideUpdateUseCase } from './decide-update.usecase';

@Controller()
export class ValuesUpdatedHandler {
  constructor(private readonly decideUpdate: DecideUpdateUseCase) {}

  @EventPattern(TOPICS.reportValuesUpdated.name)
  async onValuesUpdated(@Payload() e: ReportValuesUpdated, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.decideUpdate.execute(e, ctx);
  }
}

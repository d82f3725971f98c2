import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { RegisterSpecimensUseCase } from './register-specimens.usecase';

@Controller()
export class RegistrationHandler {
  constructor(private readonly registerSpecimens: RegisterSpecimensUseCase) {}

  @EventPattern(TOPICS.billRegistered.name)
  async billRegistered(@Payload() bill: BillRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.registerSpecimens.execute(bill, ctx);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, LegalEntityView, UpsertLegalEntityInput } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { PartyRepository } from './party.repository';

const CONSUMER = 'specimen.legal_entity.upsert';

/** PUT /api/legal-entities/:clientId — records a legal entity's status; seed 003's 409 reads it. */
@Injectable()
export class UpsertLegalEntityUseCase {
  constructor(private readonly dataSource: DataSource, private readonly parties: PartyRepository, private readonly inbox: PgInbox) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<LegalEntityView> {
    const { principal, input } = authenticatedInput(UpsertLegalEntityInput, request);
    return this.dataSource.transaction(async (manager) => {
      await this.inbox.claim(manager, CONSUMER, ctx.envelope.id);
      return this.parties.upsertLegalEntity(manager, principal.labId, input);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, PartyView, UpsertPartyInput } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { PartyRepository } from './party.repository';

const CONSUMER = 'specimen.party.upsert';

/**
 * PUT /api/parties/:partyId — records a party's verification status and its death verification
 * (as the party registry reports them) for the caller's lab; seed 003's 403 rules read them.
 */
@Injectable()
export class UpsertPartyUseCase {
  constructor(private readonly dataSource: DataSource, private readonly parties: PartyRepository, private readonly inbox: PgInbox) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<PartyView> {
    const { principal, input } = authenticatedInput(UpsertPartyInput, request);
    if (input.updated_at && Date.parse(input.updated_at) > Date.now() + 60_000) {
      throw new DomainException(422, 'UPDATED_AT_IN_FUTURE', 'updated_at cannot be in the future');
    }
    return this.dataSource.transaction(async (manager) => {
      // A repeated command writes the same values again: the upsert is idempotent by itself.
      await this.inbox.claim(manager, CONSUMER, ctx.envelope.id);
      return this.parties.upsertParty(manager, principal.labId, input);
    });
  }
}

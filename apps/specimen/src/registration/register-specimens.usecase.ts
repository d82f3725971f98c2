import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BillRegistered } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox } from '@labflow/platform/kafka';
import { SpecimenRepository } from '../specimens/specimen.repository';

const CONSUMER = 'specimen.bill_registered';

/**
 * `bill.registered` → one `available` specimen per collected sample (seed 003 receives these).
 * The envelope id is claimed in the same transaction, so a redelivery creates nothing twice.
 */
@Injectable()
export class RegisterSpecimensUseCase {
  private readonly logger = new Logger('RegisterSpecimens');

  constructor(private readonly dataSource: DataSource, private readonly specimens: SpecimenRepository, private readonly inbox: PgInbox) {}

  async execute(bill: BillRegistered, ctx: KafkaMessageContext): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return 0;
      let created = 0;
      for (const sample of bill.samples) {
        const inserted = await this.specimens.insertAvailable(manager, {
          id: sample.specimenId, labId: bill.labId, patientId: bill.patient.patientId, billId: bill.billId,
          sampleId: sample.sampleId, collectedAt: sample.collectedAt,
        });
        if (inserted) created++;
        else this.logger.warn(`specimen ${sample.specimenId} of bill ${bill.billId} already exists; kept as stored`);
      }
      return created;
    });
  }
}

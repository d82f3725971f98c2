import { Injectable, Logger } from '@nestjs/common';
import { BillRegistered, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { SpecimenUnitOfWork } from '../specimen-unit-of-work';

/** `bill.registered` → one `available` specimen per collected sample (seed 003 receives these). */
@Injectable()
@HandlesEvent(TOPICS.billRegistered, { consumer: 'specimen.bill_registered', labIdOf: (bill) => bill.labId })
export class RegisterSpecimensUseCase {
  private readonly logger = new Logger('RegisterSpecimens');

  /** Answers how many specimens it created (a specimen id already known is kept as stored). */
  async execute(command: Command<BillRegistered>, unit: SpecimenUnitOfWork): Promise<number> {
    const bill = command.input;
    let created = 0;
    for (const sample of bill.samples) {
      const inserted = await unit.specimens.insertAvailable({
        id: sample.specimenId, labId: command.labId, patientId: bill.patient.patientId, billId: bill.billId,
        sampleId: sample.sampleId, collectedAt: sample.collectedAt,
      });
      if (inserted) created++;
      else this.logger.warn(`specimen ${sample.specimenId} of bill ${bill.billId} already exists; kept as stored`);
    }
    return created;
  }
}

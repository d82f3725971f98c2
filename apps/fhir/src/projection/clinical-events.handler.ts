import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { BillRegistered, ReportValuesUpdated, RerunConfirmed, SpecimenReceived, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { ProjectionInbox } from './projection-inbox';
import { ProjectionRepository } from './projection.repository';
import { rerunCorrections } from './rerun-correction';

/** Patients, lab reports, specimens and their values, as the FHIR resources need them. */
@Controller()
export class ClinicalEventsHandler {
  constructor(private readonly inbox: ProjectionInbox, private readonly projection: ProjectionRepository) {}

  @EventPattern(TOPICS.billRegistered.name)
  async onBillRegistered(@Payload() event: BillRegistered, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.bill-registered', ctx, (m) => this.projection.saveBill(m, event));
  }

  @EventPattern(TOPICS.reportValuesUpdated.name)
  async onValuesUpdated(@Payload() event: ReportValuesUpdated, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.report-values', ctx, async (m) => {
      if (event.applied) await this.projection.saveValues(m, event);
    });
  }

  @EventPattern(TOPICS.rerunConfirmed.name)
  async onRerunConfirmed(@Payload() event: RerunConfirmed, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.rerun-confirmed', ctx, async (m) => {
      const existing = await this.projection.observationsForUpdate(m, event.labId, event.labReportId);
      await this.projection.saveCorrections(m, event.labId, rerunCorrections(event, existing));
    });
  }

  @EventPattern(TOPICS.specimenReceived.name)
  async onSpecimenReceived(@Payload() event: SpecimenReceived, @Ctx() ctx: KafkaMessageContext): Promise<void> {
    await this.inbox.applyOnce('fhir.specimen-received', ctx, (m) => this.projection.saveReceived(m, event));
  }
}

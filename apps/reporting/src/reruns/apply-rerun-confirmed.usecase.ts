import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RerunConfirmed, TOPICS } from '@labflow/contracts';
import { KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { TestRepository } from '../report-formats/test.repository';
import { DocumentValuesStore } from '../report-values/document-values.store';
import { LabReportRepository } from '../report-values/lab-report.repository';
import { SearchQueue } from '../search/search-queue';
import { RerunPositionRepository } from './rerun-position.repository';
import { rerunConfirmedUpdate } from './rerun-confirmed-update';

const CONSUMER = 'reporting.rerun-confirmed';
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * seed 000 §4: the confirmed values replace the report's values at their indexes (relational rows,
 * and document values for document reports), then sampleRedrawFlag = 0 and the report is marked for the search index.
 * report.values_updated (source `rerun`) carries the chosen values, evaluated, so autoverification decides again.
 */
@Injectable()
export class ApplyRerunConfirmedUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: RerunPositionRepository,
    private readonly reports: LabReportRepository,
    private readonly documents: DocumentValuesStore,
    private readonly search: SearchQueue,
    private readonly tests: TestRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(event: RerunConfirmed, ctx: KafkaMessageContext): Promise<void> {
    const seen = await this.inbox.seen(this.dataSource.manager, CONSUMER, [ctx.envelope.id]);
    if (!seen.has(ctx.envelope.id)) await this.apply(event, ctx);
  }

  private async apply(event: RerunConfirmed, ctx: KafkaMessageContext): Promise<void> {
    const [report] = await this.reports.findByIds(event.labId, [event.labReportId]);
    if (!report) return;
    const existing = new Map(report.documentReport ? (await this.documents.valuesOf(event.labId, [report.id])).map((d) => [d.index, d]) : []);
    const kept = (index: number) => event.confirmed.find((c) => c.index === index)?.choice === 'original';
    const flagsOf = (index: number) => ({
      paramFlags: kept(index) ? existing.get(index)?.param_flags ?? [] : [], interpretation: kept(index) ? existing.get(index)?.param_flag_interpretations ?? [] : [],
    });
    if (report.documentReport) {
      // One write to the report's document: a redelivery before the claim rewrites the same values.
      await this.documents.saveValues(event.confirmed.map((c) => {
        const before = existing.get(c.index);
        return {
          labId: report.labId, labReportId: report.id, index: c.index, value: c.value,
          test_flags: before?.test_flags ?? [], param_flags: c.choice === 'original' ? before?.param_flags ?? [] : [],
          param_flag_interpretations: c.choice === 'original' ? before?.param_flag_interpretations ?? [] : [],
          device_id: before?.device_id ?? null, device_name: before?.device_name ?? null, device_extra_data: before?.device_extra_data ?? {},
          resultId: before?.resultId ?? null, updatedAt: new Date(),
        };
      }));
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      await this.reports.upsertValues(manager, event.confirmed.map((c) => ({
        labId: report.labId, labReportId: report.id, index: c.index, value: c.value, numericValue: NUMERIC.test(c.value.trim()) ? Number(c.value) : null, deviceId: null,
      })));
      // The values are replaced whatever the order; the flag only moves forward.
      if (await this.positions.advance(manager, event)) await this.positions.setRedrawFlag(manager, event.labId, event.labReportId, 0);
      await this.search.mark(manager, [{ labId: event.labId, id: event.labReportId }]);
      const [test] = await this.tests.findByIds(report.labId, [report.testId], manager);
      if (test) await this.outbox.add(manager, TOPICS.reportValuesUpdated, rerunConfirmedUpdate(event, report, test, flagsOf), ctx.causedContext);
    });
  }
}

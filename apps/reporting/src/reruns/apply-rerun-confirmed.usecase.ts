import { Injectable } from '@nestjs/common';
import { RerunConfirmed, TOPICS } from '@labflow/contracts';
import { Command, HandlesEvent } from '@labflow/platform/handling';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';
import { rerunConfirmedUpdate } from './rerun-confirmed-update';

const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * seed 000 §4: the confirmed values replace the report's values at their indexes (relational rows,
 * and document values for document reports), then sampleRedrawFlag = 0 and the report is marked for the search index.
 * report.values_updated (source `rerun`) carries the chosen values, evaluated, so autoverification decides again.
 * The document write is idempotent (a redelivery after a rolled-back transaction rewrites the same values).
 */
@Injectable()
@HandlesEvent(TOPICS.rerunConfirmed, { consumer: 'reporting.rerun-confirmed', labIdOf: (e) => e.labId })
export class ApplyRerunConfirmedUseCase {
  async execute(command: Command<RerunConfirmed>, unit: ReportingUnitOfWork): Promise<void> {
    const event = command.input;
    const [report] = await unit.labReports.findByIds(event.labId, [event.labReportId]);
    if (!report) return;
    const existing = new Map(report.documentReport ? (await unit.documents.valuesOf(event.labId, [report.id])).map((d) => [d.index, d]) : []);
    const kept = (index: number) => event.confirmed.find((c) => c.index === index)?.choice === 'original';
    const flagsOf = (index: number) => ({
      paramFlags: kept(index) ? existing.get(index)?.param_flags ?? [] : [], interpretation: kept(index) ? existing.get(index)?.param_flag_interpretations ?? [] : [],
    });
    if (report.documentReport) {
      // One write to the report's document.
      await unit.documents.saveValues(event.confirmed.map((c) => {
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
    await unit.labReports.upsertValues(event.confirmed.map((c) => ({
      labId: report.labId, labReportId: report.id, index: c.index, value: c.value, numericValue: NUMERIC.test(c.value.trim()) ? Number(c.value) : null, deviceId: null,
    })));
    // The values are replaced whatever the order; the flag only moves forward.
    if (await unit.rerunPositions.advance(event)) await unit.rerunPositions.setRedrawFlag(event.labId, event.labReportId, 0);
    await unit.searchMarks.mark([{ labId: event.labId, id: event.labReportId }]);
    const [test] = await unit.tests.findByIds(report.labId, [report.testId]);
    if (test) await unit.publish(TOPICS.reportValuesUpdated, rerunConfirmedUpdate(event, report, test, flagsOf));
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeviceDataReceived, DeviceValue, ReportValueUpdate, TOPICS } from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { StoredTest, TestRepository } from '../report-formats/test.repository';
import { SearchQueue } from '../search/search-queue';
import { DocumentValuesStore } from './document-values.store';
import { LabReportRepository, LabReportView } from './lab-report.repository';
import { calculatedValues, evaluateValues, IncomingValue } from './value-evaluation';

const CONSUMER = 'reporting.device-data';

interface Planned { report: LabReportView; test: StoredTest; values: ReportValueUpdate[]; applied: boolean }

/**
 * seed 002 §2 storage: document reports keep each value in the document store with test_flags,
 * param_flags, device name and extra data; other reports keep relational values without flags (the
 * values of document reports are also kept there, without flags, for history and batch reads).
 * A signed report is never overwritten: its values only wait in device results for validation.
 * Any critical stored value sets the report's criticalValues to pending; report.values_updated tells
 * rerun and critical-callout.
 */
@Injectable()
export class ApplyDeviceDataUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: LabReportRepository,
    private readonly tests: TestRepository,
    private readonly documents: DocumentValuesStore,
    private readonly search: SearchQueue,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
  ) {}

  async execute(event: DeviceDataReceived, ctx: KafkaMessageContext): Promise<void> {
    if (!(await this.reports.inboxHas(CONSUMER, ctx.envelope.id))) await this.apply(event, ctx);
  }

  private async apply(event: DeviceDataReceived, ctx: KafkaMessageContext): Promise<void> {
    const reports = await this.reports.findByIds(event.labId, event.labReportIds);
    const missing = event.labReportIds.find((id) => !reports.some((r) => r.id === id));
    if (missing !== undefined) throw new DomainException(404, 'LAB_REPORT_NOT_FOUND', `Lab report ${missing} of lab ${event.labId} not found`);
    const tests = new Map((await this.tests.findByIds(event.labId, [...new Set(reports.map((r) => r.testId))])).map((t) => [t.id, t]));
    const at = new Date(event.receivedAt);
    const plans: Planned[] = [];
    for (const report of reports) {
      const test = tests.get(report.testId)!;
      const own = event.values.filter((v) => v.labReportId === report.id);
      const applied = report.isSigned === 0;
      // The device-result writes and the read of current numbers touch different documents: one
      // round trip instead of two, and no read at all for a test without calculations (docs/performance.md).
      const [, numbers] = await Promise.all([
        this.keepDeviceResults(event, report, own),
        applied && test.calculations.length > 0 ? this.currentNumbers(report, own) : null,
      ]);
      const incoming = own.map(toIncoming);
      if (numbers) incoming.push(...calculatedValues(test, numbers));
      const values = evaluateValues(test, report, at, incoming);
      if (applied && report.documentReport) await this.saveDocumentValues(event, report, values);
      plans.push({ report, test, values, applied });
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) return;
      await this.search.mark(manager, event.labId, plans.map((p) => p.report.id));
      for (const { report, values, applied } of plans) {
        // Every applied value also goes to the relational values (document reports: the value without
        // its flags), so history and batches read one table in one query (docs/performance.md).
        if (applied) {
          await this.reports.upsertValues(manager, report.labId, report.id,
            values.map((v) => ({ index: v.index, value: v.value, numericValue: v.numericValue ?? null, deviceId: event.deviceId })));
        }
        const critical = applied && values.some((v) => v.critical);
        if (critical) await this.reports.markCriticalPending(manager, report.labId, report.id);
        await this.outbox.add(manager, TOPICS.reportValuesUpdated, {
          updateId: randomUUID(), labId: report.labId, labReportId: report.id, billId: report.billId, patientId: report.patientId,
          testId: report.testId, sampleId: report.sampleId, departmentId: report.departmentId ?? undefined, source: 'device',
          deviceId: event.deviceId, resultId: event.resultId, documentReport: report.documentReport, applied,
          testFlags: report.documentReport ? event.testFlags : [], values,
          criticalValues: critical && report.criticalValues === 'none' ? 'pending' : report.criticalValues,
          updatedAt: new Date().toISOString(),
        }, ctx.causedContext);
      }
    });
  }

  /** Numeric values after this update: what calculations read. */
  private async currentNumbers(report: LabReportView, own: DeviceValue[]): Promise<Map<number, number>> {
    const current = new Map<number, number>();
    // every applied value is in the relational values, document reports' too
    for (const v of await this.reports.values(report.labId, [report.id])) if (v.numericValue !== null) current.set(v.index, v.numericValue);
    for (const v of own) if (v.numericValue !== undefined) current.set(v.index, v.numericValue);
    return current;
  }

  private async keepDeviceResults(event: DeviceDataReceived, report: LabReportView, own: DeviceValue[]): Promise<void> {
    await this.documents.saveDeviceResults(own.map((v) => ({
      _id: `${event.resultId}:${report.id}:${v.index}`, labId: event.labId, deviceId: event.deviceId, deviceName: event.deviceName,
      resultId: event.resultId, sampleId: event.sampleId, labReportId: report.id, testId: report.testId, index: v.index,
      testName: v.testName, value: v.numericValue ?? v.value, test_flags: event.testFlags, param_flags: v.paramFlags,
      param_flag_interpretations: v.interpretation, status: report.isSigned ? 'awaiting_validation' : 'applied',
      receivedAt: new Date(event.receivedAt),
    })));
  }

  private async saveDocumentValues(event: DeviceDataReceived, report: LabReportView, values: ReportValueUpdate[]): Promise<void> {
    const fromDevice = new Set(event.values.filter((v) => v.labReportId === report.id).map((v) => v.index));
    // The report's document, each value at its index: one write.
    await this.documents.saveValues(values.map((v) => {
      const device = fromDevice.has(v.index);
      return {
        labId: report.labId, labReportId: report.id, index: v.index,
        value: v.numericValue ?? v.value, test_flags: device ? event.testFlags : [], param_flags: v.paramFlags,
        param_flag_interpretations: v.interpretation, device_id: device ? event.deviceId : null,
        device_name: device ? event.deviceName : null, device_extra_data: device ? event.deviceExtraData ?? {} : {},
        resultId: event.resultId, updatedAt: new Date(event.receivedAt),
      };
    }));
  }
}

function toIncoming(v: DeviceValue): IncomingValue {
  return { index: v.index, raw: v.numericValue ?? v.value, paramFlags: v.paramFlags, interpretation: v.interpretation };
}

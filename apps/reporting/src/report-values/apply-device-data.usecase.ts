import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeviceDataReceived, idsByLab, labScopedKey, MessageContext, TOPICS } from '@labflow/contracts';
import { BatchUnit, BatchUnits } from '../lab-reports/batch-units';
import { LabReportView } from '../lab-reports/lab-report.repository';
import { reportingError } from '../lab-reports/reporting.errors';
import { StoredTest } from '../lab-reports/test.repository';
import { DeviceDataPlanner, ReportPlan } from './device-data-plan';

/** The inbox consumer of device.data.received (named by an earlier release: claims already stored keep it). */
export const DEVICE_DATA_CONSUMER = 'reporting.device-data';

/** One upload of a batch: its event, its envelope id, and the cause and trace of the events it leads to. */
export interface DeviceDataMessage { event: DeviceDataReceived; messageId: string; cause: MessageContext; trace: () => Record<string, string> }
type Plan = ReportPlan<DeviceDataMessage>;

/**
 * seed 002 §2 storage: document reports keep each value in the document store with test_flags,
 * param_flags, device name and extra data; other reports keep relational values without flags (the
 * values of document reports are also kept there, without flags, for history and batch reads).
 * A signed report is never overwritten: its values only wait in device results for validation.
 * Any critical stored value sets the report's criticalValues to pending; report.values_updated tells
 * rerun and critical-callout.
 *
 * Uploads come in batches (consecutive messages of a partition): one read of the inbox, the reports,
 * their tests and values, the document writes, then one transaction for the whole batch. Applying a
 * batch is applying its uploads one after the other (DeviceDataPlanner); if anything fails the
 * transport applies each upload alone.
 */
@Injectable()
export class ApplyDeviceDataUseCase {
  async execute(messages: DeviceDataMessage[], units: BatchUnits): Promise<void> {
    const unit = units.outside;
    // the inbox, the reports and their tests in one round trip of time (a redelivered batch reads them for nothing)
    const [fresh, { reports, tests }] = await Promise.all([unseen(unit, messages), reportsOf(unit, [...reportIdsByLab(messages)])]);
    if (fresh.length === 0) return;
    const plans = await plan(unit, fresh, reports, tests);
    // Document writes first (idempotent: a redelivery writes the same documents again), then the
    // relational state and the events, which commit together.
    await Promise.all([keepDeviceResults(unit, plans), saveDocumentValues(unit, plans.filter((p) => p.applied && p.report.documentReport))]);
    await units.transaction(async (tx) => {
      const claimed = await tx.inbox.claimAll(fresh.map((m) => m.messageId));
      await commit(tx, plans.filter((p) => claimed.has(p.source.messageId)));
    });
  }
}

/** Messages not applied yet (the transport hands a batch each envelope once). */
async function unseen(unit: BatchUnit, messages: DeviceDataMessage[]): Promise<DeviceDataMessage[]> {
  const seen = await unit.inbox.seen(messages.map((m) => m.messageId));
  return messages.filter((m) => !seen.has(m.messageId));
}

async function plan(unit: BatchUnit, messages: DeviceDataMessage[], reports: Map<string, LabReportView>, tests: Map<string, StoredTest>): Promise<Plan[]> {
  const planner = new DeviceDataPlanner<DeviceDataMessage>(reports, tests, await numbersOf(unit, [...reports.values()], tests));
  return messages.flatMap((message) => {
    const missing = planner.missingReportOf(message.event);
    if (missing !== null) throw reportingError('LAB_REPORT_NOT_FOUND', String(missing), String(message.event.labId));
    return planner.plan(message, message.event);
  });
}

async function commit(unit: BatchUnit, plans: Plan[]): Promise<void> {
  if (plans.length === 0) return;
  await unit.searchMarks.mark(plans.map((p) => p.report));
  const applied = plans.filter((p) => p.applied);
  // Every applied value also goes to the relational values (document reports: the value without
  // its flags), so history and batches read one table in one query (docs/performance.md).
  await unit.labReports.upsertValues(applied.flatMap(({ report, event, values }) => values.map((v) => ({
    labId: report.labId, labReportId: report.id, index: v.index, value: v.value, numericValue: v.numericValue ?? null, deviceId: event.deviceId,
  }))));
  await unit.labReports.markCriticalPending(applied.filter((p) => p.critical).map((p) => p.report));
  await unit.events.addAll(TOPICS.reportValuesUpdated, plans.map((p) => ({
    payload: valuesUpdated(p), cause: p.source.cause, trace: p.source.trace(),
  })));
}

/** The reports and their tests, by labScopedKey: one statement per lab. */
async function reportsOf(unit: BatchUnit, byLab: [number, number[]][]): Promise<{ reports: Map<string, LabReportView>; tests: Map<string, StoredTest> }> {
  const found = (await Promise.all(byLab.map(([labId, ids]) => unit.reportsWithTests.find(labId, ids)))).flat();
  return {
    reports: new Map(found.map(({ report }) => [labScopedKey(report.labId, report.id), report])),
    tests: new Map(found.map(({ test }) => [labScopedKey(test.labId, test.id), test])),
  };
}

/** Current numeric values of the reports calculations will read (every applied value is relational). */
async function numbersOf(unit: BatchUnit, reports: LabReportView[], tests: Map<string, StoredTest>): Promise<Map<string, Map<number, number>>> {
  const calculated = reports.filter((r) => r.isSigned === 0 && (tests.get(labScopedKey(r.labId, r.testId))?.calculations.length ?? 0) > 0);
  const out = new Map(calculated.map((r) => [labScopedKey(r.labId, r.id), new Map<number, number>()]));
  await Promise.all([...idsByLab(calculated)].map(async ([labId, ids]) => {
    for (const v of await unit.labReports.values(labId, ids)) if (v.numericValue !== null) out.get(labScopedKey(labId, v.labReportId))?.set(v.index, v.numericValue);
  }));
  return out;
}

async function keepDeviceResults(unit: BatchUnit, plans: Plan[]): Promise<void> {
  await unit.documents.saveDeviceResults(plans.flatMap(({ event, report, own }) => own.map((v) => ({
    _id: `${event.resultId}:${report.id}:${v.index}`, labId: event.labId, deviceId: event.deviceId, deviceName: event.deviceName,
    resultId: event.resultId, sampleId: event.sampleId, labReportId: report.id, testId: report.testId, index: v.index,
    testName: v.testName, value: v.numericValue ?? v.value, test_flags: event.testFlags, param_flags: v.paramFlags,
    param_flag_interpretations: v.interpretation, status: report.isSigned ? 'awaiting_validation' : 'applied',
    receivedAt: new Date(event.receivedAt),
  }))));
}

/** Each report's document, each value at its index: one write per report (the batch's last value of an index wins). */
async function saveDocumentValues(unit: BatchUnit, plans: Plan[]): Promise<void> {
  await unit.documents.saveValues(plans.flatMap(({ event, report, own, values }) => {
    const fromDevice = new Set(own.map((v) => v.index));
    return values.map((v) => {
      const device = fromDevice.has(v.index);
      return {
        labId: report.labId, labReportId: report.id, index: v.index,
        value: v.numericValue ?? v.value, test_flags: device ? event.testFlags : [], param_flags: v.paramFlags,
        param_flag_interpretations: v.interpretation, device_id: device ? event.deviceId : null,
        device_name: device ? event.deviceName : null, device_extra_data: device ? event.deviceExtraData ?? {} : {},
        resultId: event.resultId, updatedAt: new Date(event.receivedAt),
      };
    });
  }));
}

function valuesUpdated({ event, report, values, applied, criticalValues }: Plan) {
  return {
    updateId: randomUUID(), labId: report.labId, labReportId: report.id, billId: report.billId, patientId: report.patientId,
    testId: report.testId, sampleId: report.sampleId, departmentId: report.departmentId ?? undefined, source: 'device' as const,
    deviceId: event.deviceId, resultId: event.resultId, documentReport: report.documentReport, applied,
    testFlags: report.documentReport ? event.testFlags : [], values,
    criticalValues,
    updatedAt: new Date().toISOString(),
  };
}

/** The lab reports the uploads fill, per lab. */
function reportIdsByLab(messages: DeviceDataMessage[]): Map<number, number[]> {
  return idsByLab(messages.flatMap(({ event }) => event.labReportIds.map((id) => ({ labId: event.labId, id }))));
}


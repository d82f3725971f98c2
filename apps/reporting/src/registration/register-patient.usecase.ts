import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  BillRegistered, REGISTRATION_COMMANDS, RegisterPatientInput, RegisterPatientResult, RegisteredLabReport, RegisteredSample, TOPICS,
} from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * Set-up the specs assume: a patient with a bill, one lab report per test and the samples they are
 * collected in (each with a specimen id). bill.registered tells specimen and device-ingestion.
 */
@Injectable()
@HandlesCommand(REGISTRATION_COMMANDS.register, RegisterPatientInput, { status: 201 })
export class RegisterPatientUseCase {
  async execute(command: Command<RegisterPatientInput>, unit: ReportingUnitOfWork): Promise<RegisterPatientResult> {
    const { labId, principal, input } = command;
    checkSamples(input);
    const testIds = [...new Set(input.tests.map((t) => t.testId))];
    const tests = new Map((await unit.tests.findByIds(labId, testIds)).map((t) => [t.id, t]));
    const missing = testIds.find((id) => !tests.has(id));
    if (missing !== undefined) throw reportingError('TEST_NOT_FOUND', String(missing));
    const taken = await unit.registrations.existingSampleIds(labId, input.samples.map((s) => s.sampleId));
    if (taken.length > 0) throw reportingError('SAMPLE_EXISTS', taken[0]);

    const patientId = randomUUID();
    await unit.registrations.insertPatient({ id: patientId, labId, ...input.patient });
    const bill = await unit.registrations.insertBill({
      labId, patientId, doctorId: input.bill?.doctorId ?? null, organizationId: input.bill?.organizationId ?? null, registeredBy: principal.sub,
    });
    const samples: RegisteredSample[] = [];
    for (const s of input.samples) {
      const specimenId = randomUUID();
      await unit.registrations.insertSample({ labId, sampleId: s.sampleId, billId: bill.id, specimenId, collectedAt: s.collectedAt });
      samples.push({ sampleId: s.sampleId, specimenId, collectedAt: new Date(s.collectedAt).toISOString(), labReportIds: [] });
    }
    const labReports: RegisteredLabReport[] = [];
    for (const t of input.tests) {
      const test = tests.get(t.testId)!;
      const labReportId = await unit.registrations.insertLabReport({
        labId, billId: bill.id, patientId, testId: t.testId, sampleId: t.sampleId, departmentId: test.departmentId,
      });
      labReports.push({ labReportId, testId: t.testId, testName: test.testName, sampleId: t.sampleId, departmentId: test.departmentId ?? undefined });
      samples.find((s) => s.sampleId === t.sampleId)!.labReportIds.push(labReportId);
    }
    const event: BillRegistered = {
      labId, billId: bill.id, patient: { patientId, ...input.patient }, doctorId: input.bill?.doctorId,
      organizationId: input.bill?.organizationId, samples, labReports, registeredBy: principal.sub, registeredAt: bill.createdAt.toISOString(),
    };
    await unit.publish(TOPICS.billRegistered, event);
    await unit.searchMarks.mark(labReports.map((r) => ({ labId, id: r.labReportId })));
    return {
      patientId, billId: bill.id,
      labReports: labReports.map((r) => ({ labReportId: r.labReportId, testId: r.testId, sampleId: r.sampleId })),
      samples: samples.map((s) => ({ sampleId: s.sampleId, specimenId: s.specimenId })),
    };
  }
}

/** Each sample once, and every test in one of them. */
function checkSamples(input: RegisterPatientInput): void {
  const ids = new Set<string>();
  for (const s of input.samples) {
    if (ids.has(s.sampleId)) throw reportingError('VALIDATION_FAILED', `samples: sampleId ${s.sampleId} is repeated`);
    ids.add(s.sampleId);
  }
  input.tests.forEach((t, i) => {
    if (!ids.has(t.sampleId)) throw reportingError('VALIDATION_FAILED', `tests.${i}.sampleId ${t.sampleId} is not one of samples`);
  });
}

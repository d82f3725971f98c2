import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BillRegistered, CommandRequest, RegisterPatientInput, RegisterPatientResult, RegisteredLabReport, RegisteredSample, TOPICS,
} from '@labflow/contracts';
import { DomainException, KafkaMessageContext, PgInbox, PgOutbox } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { TestRepository } from '../report-formats/test.repository';
import { SearchQueue } from '../search/search-queue';
import { RegistrationRepository } from './registration.repository';

const CONSUMER = 'registration.register';

/**
 * Set-up the specs assume: a patient with a bill, one lab report per test and the samples they are
 * collected in (each with a specimen id). bill.registered tells specimen and device-ingestion.
 */
@Injectable()
export class RegisterPatientUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: TestRepository,
    private readonly registrations: RegistrationRepository,
    private readonly outbox: PgOutbox,
    private readonly inbox: PgInbox,
    private readonly search: SearchQueue,
  ) {}

  async execute(request: CommandRequest, ctx: KafkaMessageContext): Promise<RegisterPatientResult> {
    const { principal, input } = authenticatedInput(RegisterPatientInput, request);
    const labId = principal.labId;
    checkSamples(input);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, CONSUMER, ctx.envelope.id))) {
        return (await this.inbox.storedResponse(manager, CONSUMER, ctx.envelope.id)) as RegisterPatientResult;
      }
      const testIds = [...new Set(input.tests.map((t) => t.testId))];
      const tests = new Map((await this.tests.findByIds(labId, testIds, manager)).map((t) => [t.id, t]));
      const missing = testIds.find((id) => !tests.has(id));
      if (missing !== undefined) throw new DomainException(404, 'TEST_NOT_FOUND', `Test ${missing} not found`);
      const taken = await this.registrations.existingSampleIds(manager, labId, input.samples.map((s) => s.sampleId));
      if (taken.length > 0) throw new DomainException(409, 'SAMPLE_EXISTS', `Sample ${taken[0]} is already registered`);

      const patientId = randomUUID();
      await this.registrations.insertPatient(manager, { id: patientId, labId, ...input.patient });
      const bill = await this.registrations.insertBill(manager, {
        labId, patientId, doctorId: input.bill?.doctorId ?? null, organizationId: input.bill?.organizationId ?? null, registeredBy: principal.sub,
      });
      const samples: RegisteredSample[] = [];
      for (const s of input.samples) {
        const specimenId = randomUUID();
        await this.registrations.insertSample(manager, { labId, sampleId: s.sampleId, billId: bill.id, specimenId, collectedAt: s.collectedAt });
        samples.push({ sampleId: s.sampleId, specimenId, collectedAt: new Date(s.collectedAt).toISOString(), labReportIds: [] });
      }
      const labReports: RegisteredLabReport[] = [];
      for (const t of input.tests) {
        const test = tests.get(t.testId)!;
        const labReportId = await this.registrations.insertLabReport(manager, {
          labId, billId: bill.id, patientId, testId: t.testId, sampleId: t.sampleId, departmentId: test.departmentId,
        });
        labReports.push({ labReportId, testId: t.testId, testName: test.testName, sampleId: t.sampleId, departmentId: test.departmentId ?? undefined });
        samples.find((s) => s.sampleId === t.sampleId)!.labReportIds.push(labReportId);
      }
      const event: BillRegistered = {
        labId, billId: bill.id, patient: { patientId, ...input.patient }, doctorId: input.bill?.doctorId,
        organizationId: input.bill?.organizationId, samples, labReports, registeredBy: principal.sub, registeredAt: bill.createdAt.toISOString(),
      };
      await this.outbox.add(manager, TOPICS.billRegistered, event, ctx.causedContext);
      await this.search.mark(manager, labReports.map((r) => ({ labId, id: r.labReportId })));
      const result: RegisterPatientResult = {
        patientId, billId: bill.id,
        labReports: labReports.map((r) => ({ labReportId: r.labReportId, testId: r.testId, sampleId: r.sampleId })),
        samples: samples.map((s) => ({ sampleId: s.sampleId, specimenId: s.specimenId })),
      };
      await this.inbox.saveResponse(manager, CONSUMER, ctx.envelope.id, result);
      return result;
    });
  }
}

function checkSamples(input: RegisterPatientInput): void {
  const ids = new Set<string>();
  for (const s of input.samples) {
    if (ids.has(s.sampleId)) throw new DomainException(400, 'VALIDATION_FAILED', `samples: sampleId ${s.sampleId} is repeated`);
    ids.add(s.sampleId);
  }
  input.tests.forEach((t, i) => {
    if (!ids.has(t.sampleId)) throw new DomainException(400, 'VALIDATION_FAILED', `tests.${i}.sampleId ${t.sampleId} is not one of samples`);
  });
}

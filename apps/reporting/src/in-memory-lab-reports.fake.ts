import { RerunLifecyclePosition } from '@labflow/contracts';
import { RepositoryOf } from '@labflow/platform/handling';
import { BillView, LabReportRepository, LabReportView, SampleReportRow, StoredRelationalValue, ValueRow, valueAsText } from './lab-reports/lab-report.repository';
import { RegistrationRepository } from './lab-reports/registration.repository';
import { HISTORY_DEPTH, HistoricalValue, ReportHistoryRepository } from './lab-reports/report-history.repository';
import { ReportParts, ReportWithTest, ReportWithTestRepository } from './lab-reports/report-with-test.repository';
import type { VerificationStatusRepository } from './lab-reports/verification-status.repository';
import { RerunPositionRepository } from './lab-reports/rerun-position.repository';
import { SearchMarksRepository } from './lab-reports/search-marks.repository';
import { StoredTest, TestRepository, TestWrite } from './lab-reports/test.repository';

/** A lab report row as the tables keep it (the view joins its test and patient). */
export interface ReportRecord {
  id: number; labId: number; billId: number; patientId: string; testId: number; sampleId: string; departmentId: number | null;
  sampleCollected: number; dismissed: number; sampleRedrawFlag: number; criticalValues: string; isSigned: number;
  signedAt: Date | null; signedBy: string | null; createdAt: Date;
}
export interface PatientRecord { id: string; labId: number; name: string; dateOfBirth: string; gender: string }
export interface BillRecord extends BillView { labId: number; patientId: string }
export interface SampleRecord { labId: number; sampleId: string; billId: number; specimenId: string; collectedAt: string }

const AT = new Date('2026-05-25T08:00:00Z');

/** reporting's PostgreSQL tables in memory, with the repositories' rules: lab scoping, last write wins, positions forward only. */
export class InMemoryTables {
  readonly tests: StoredTest[] = [];
  readonly reports: ReportRecord[] = [];
  readonly patients: PatientRecord[] = [];
  readonly bills: BillRecord[] = [];
  readonly samples: SampleRecord[] = [];
  readonly values: (ValueRow & { labId: number })[] = [];
  readonly searchMarks: { labId: number; id: number }[] = [];
  readonly positions = new Map<number, { labId: number; epoch: number; sequence: number }>();
  private nextId = 100;

  id(): number {
    return this.nextId++;
  }

  view(r: ReportRecord): LabReportView {
    const test = this.tests.find((t) => t.labId === r.labId && t.id === r.testId)!;
    const patient = this.patients.find((p) => p.labId === r.labId && p.id === r.patientId)!;
    return {
      id: r.id, labId: r.labId, billId: r.billId, patientId: r.patientId, testId: r.testId, sampleId: r.sampleId, departmentId: r.departmentId,
      sampleCollected: r.sampleCollected, dismissed: r.dismissed, sampleRedrawFlag: r.sampleRedrawFlag,
      criticalValues: r.criticalValues as LabReportView['criticalValues'], isSigned: r.isSigned, signedAt: r.signedAt, signedBy: r.signedBy,
      createdAt: r.createdAt, documentReport: test.documentReport, testName: test.testName, patientName: patient.name,
      dateOfBirth: patient.dateOfBirth, gender: patient.gender,
    };
  }

  report(labId: number, id: number): ReportRecord | undefined {
    return this.reports.find((r) => r.labId === labId && r.id === id);
  }

  valuesOf(labId: number, ids: number[]): StoredRelationalValue[] {
    return this.values.filter((v) => v.labId === labId && ids.includes(v.labReportId))
      .sort((a, b) => a.labReportId - b.labReportId || a.index - b.index)
      .map(({ labReportId, index, value, numericValue }) => ({ labReportId, index, value, numericValue }));
  }

  history(r: ReportRecord): HistoricalValue[] {
    const earlier = this.reports.filter((e) => e.labId === r.labId && e.patientId === r.patientId && e.testId === r.testId && e.id < r.id)
      .sort((a, b) => b.id - a.id).slice(0, HISTORY_DEPTH);
    return earlier.flatMap((e) => this.valuesOf(r.labId, [e.id])
      .map((v) => ({ labReportId: e.id, index: v.index, value: v.numericValue ?? v.value, date: e.createdAt.toISOString() })));
  }
}

export class InMemoryLabReports implements RepositoryOf<LabReportRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async findByIds(labId: number, ids: number[]): Promise<LabReportView[]> {
    return this.t.reports.filter((r) => r.labId === labId && ids.includes(r.id)).sort((a, b) => a.id - b.id).map((r) => this.t.view(r));
  }

  async findOfPatient(labId: number, patientId: string): Promise<LabReportView[]> {
    return this.t.reports.filter((r) => r.labId === labId && r.patientId === patientId).sort((a, b) => a.id - b.id).map((r) => this.t.view(r));
  }

  async ofSample(labId: number, sampleId: string): Promise<SampleReportRow[]> {
    return this.t.reports.filter((r) => r.labId === labId && r.sampleId === sampleId).map((r) => ({ id: r.id, test_id: r.testId, bill_id: r.billId }));
  }

  async markCriticalPending(reports: { labId: number; id: number }[]): Promise<void> {
    for (const k of reports) {
      const r = this.t.report(k.labId, k.id);
      if (r && r.criticalValues === 'none') r.criticalValues = 'pending';
    }
  }

  async upsertValues(given: ValueRow[]): Promise<void> {
    for (const v of given) {
      const at = this.t.values.findIndex((s) => s.labReportId === v.labReportId && s.index === v.index);
      if (at >= 0) this.t.values.splice(at, 1);
      this.t.values.push({ ...v });
    }
  }

  async values(labId: number, labReportIds: number[]): Promise<StoredRelationalValue[]> {
    return this.t.valuesOf(labId, labReportIds);
  }

  async valuesAsText(labId: number, reports: LabReportView[]): Promise<Map<number, { index: number; value: string }[]>> {
    return new Map(reports.map((r) => [r.id, this.t.valuesOf(labId, [r.id]).map((v) => ({ index: v.index, value: valueAsText(r.documentReport, v) }))]));
  }

  async bills(labId: number, billIds: number[]): Promise<BillView[]> {
    return this.t.bills.filter((b) => b.labId === labId && billIds.includes(b.id))
      .map(({ id, doctorId, organizationId, registeredBy, createdAt }) => ({ id, doctorId, organizationId, registeredBy, createdAt }));
  }
}

/** The statuses a report read joins (the verifications fake). */
type VerificationBlocks = Pick<RepositoryOf<VerificationStatusRepository>, 'blocks'>;

export class InMemoryReportsWithTests implements RepositoryOf<ReportWithTestRepository> {
  constructor(private readonly t: InMemoryTables, private readonly verifications: VerificationBlocks) {}

  async find(labId: number, ids: number[], parts: ReportParts = {}): Promise<ReportWithTest[]> {
    const blocks = parts.verification ? await this.verifications.blocks(labId, ids) : new Map();
    return this.t.reports.filter((r) => r.labId === labId && ids.includes(r.id)).sort((a, b) => a.id - b.id).map((r) => ({
      report: this.t.view(r),
      test: this.t.tests.find((t) => t.labId === labId && t.id === r.testId)!,
      values: parts.values ? this.t.valuesOf(labId, [r.id]).map(({ index, value, numericValue }) => ({ index, value, numericValue })) : [],
      history: parts.history ? this.t.history(r) : [],
      verification: blocks.get(r.id) ?? null,
    }));
  }

  async findOne(labId: number, id: number, parts: ReportParts = {}): Promise<ReportWithTest | null> {
    return (await this.find(labId, [id], parts))[0] ?? null;
  }
}

export class InMemoryHistories implements RepositoryOf<ReportHistoryRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async of(labId: number, labReportIds: number[]): Promise<Map<number, HistoricalValue[]>> {
    return new Map(labReportIds.map((id) => {
      const r = this.t.report(labId, id);
      return [id, r ? this.t.history(r) : []];
    }));
  }
}

export class InMemoryTests implements RepositoryOf<TestRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async insert(w: TestWrite): Promise<StoredTest> {
    const test: StoredTest = { ...w, id: this.t.id(), revision: 1, updatedAt: AT };
    this.t.tests.push(test);
    return { ...test };
  }

  async replace(id: number, w: TestWrite): Promise<StoredTest | null> {
    const at = this.t.tests.findIndex((t) => t.labId === w.labId && t.id === id);
    if (at < 0) return null;
    this.t.tests[at] = { ...w, id, revision: this.t.tests[at].revision + 1, updatedAt: new Date(AT.getTime() + 1000) };
    return { ...this.t.tests[at] };
  }

  async findForUpdate(labId: number, id: number): Promise<StoredTest | null> {
    return this.t.tests.find((t) => t.labId === labId && t.id === id) ?? null;
  }

  async findByIds(labId: number, ids: number[]): Promise<StoredTest[]> {
    return this.t.tests.filter((t) => t.labId === labId && ids.includes(t.id));
  }
}

export class InMemorySearchMarks implements RepositoryOf<SearchMarksRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async mark(reports: { labId: number; id: number }[]): Promise<void> {
    this.t.searchMarks.push(...reports.map(({ labId, id }) => ({ labId, id })));
  }
}

export class InMemoryRegistrations implements RepositoryOf<RegistrationRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async insertPatient(p: PatientRecord): Promise<void> {
    this.t.patients.push({ ...p });
  }

  async insertBill(b: { labId: number; patientId: string; doctorId: number | null; organizationId: number | null; registeredBy: string }): Promise<{ id: number; createdAt: Date }> {
    const bill = { ...b, id: this.t.id(), createdAt: AT };
    this.t.bills.push(bill);
    return { id: bill.id, createdAt: bill.createdAt };
  }

  async existingSampleIds(labId: number, sampleIds: string[]): Promise<string[]> {
    return this.t.samples.filter((s) => s.labId === labId && sampleIds.includes(s.sampleId)).map((s) => s.sampleId);
  }

  async insertSample(s: SampleRecord): Promise<void> {
    this.t.samples.push({ ...s });
  }

  async insertLabReport(r: { labId: number; billId: number; patientId: string; testId: number; sampleId: string; departmentId: number | null }): Promise<number> {
    const id = this.t.id();
    this.t.reports.push({
      ...r, id, sampleCollected: 1, dismissed: 0, sampleRedrawFlag: 0, criticalValues: 'none', isSigned: 0, signedAt: null, signedBy: null, createdAt: AT,
    });
    return id;
  }
}

export class InMemoryRerunPositions implements RepositoryOf<RerunPositionRepository> {
  constructor(private readonly t: InMemoryTables) {}

  async advance(p: RerunLifecyclePosition): Promise<boolean> {
    const current = this.t.positions.get(p.labReportId);
    const newer = !current || (current.labId === p.labId
      && (p.lifecycleEpoch > current.epoch || (p.lifecycleEpoch === current.epoch && p.sequence > current.sequence)));
    if (!newer) return false;
    this.t.positions.set(p.labReportId, { labId: p.labId, epoch: p.lifecycleEpoch, sequence: p.sequence });
    return true;
  }

  async setRedrawFlag(labId: number, labReportId: number, flag: 0 | 3 | 4): Promise<void> {
    const r = this.t.report(labId, labReportId);
    if (r) r.sampleRedrawFlag = flag;
  }
}

import { AttemptedCalloutView, CalloutStatus, Principal, systemPrincipal, validatePayload } from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { BatchUnit, BatchUnits } from './lab-reports/batch-units';
import { CriticalRecordsRepository, CriticalReportRow, StoredValue } from './lab-reports/critical-records.repository';
import { CriticalStatusRepository } from './lab-reports/critical-status.repository';
import { DepartmentScope } from './lab-reports/department-scope';
import { DeviceRepository, DeviceRow } from './lab-reports/device.repository';
import { DeviceResult, DocumentValue, DocumentValuesStore } from './lab-reports/document-values.store';
import { LabUserDepartmentsRepository } from './lab-reports/lab-user-departments.repository';
import { REPORTING_ERRORS } from './lab-reports/reporting.errors';
import { ReportingRepositories } from './lab-reports/reporting-unit-of-work';
import { blockOf, StoredDecision, StoredReview, VerificationStatusRepository } from './lab-reports/verification-status.repository';
import {
  InMemoryHistories, InMemoryLabReports, InMemoryRegistrations, InMemoryReportsWithTests, InMemoryRerunPositions, InMemorySearchMarks,
  InMemoryTables, InMemoryTests,
} from './in-memory-lab-reports.fake';

export const LAB = 71;

/** The document store in memory: one value set per report (a value written again replaces its index), device results by id. */
export class InMemoryDocuments implements Omit<RepositoryOf<DocumentValuesStore>, 'onApplicationBootstrap'> {
  readonly values: DocumentValue[] = [];
  readonly results = new Map<string, DeviceResult>();

  async saveValues(values: DocumentValue[]): Promise<void> {
    for (const v of values) {
      const at = this.values.findIndex((s) => s.labId === v.labId && s.labReportId === v.labReportId && s.index === v.index);
      if (at >= 0) this.values.splice(at, 1);
      this.values.push({ ...v });
    }
  }

  async saveDeviceResults(results: DeviceResult[]): Promise<void> {
    for (const r of results) this.results.set(r._id, { ...r });
  }

  async valuesOf(labId: number, labReportIds: number[]): Promise<DocumentValue[]> {
    return this.values.filter((v) => v.labId === labId && labReportIds.includes(v.labReportId))
      .sort((a, b) => a.labReportId - b.labReportId || a.index - b.index);
  }

  async deviceResults(labId: number, deviceId: number, from: Date, to: Date): Promise<DeviceResult[]> {
    return [...this.results.values()].filter((r) => r.labId === labId && r.deviceId === deviceId && r.receivedAt >= from && r.receivedAt <= to)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a._id < b._id ? -1 : 1));
  }
}

/** Decisions and reviews by report, newest kept (as the repository's conditional upsert does). */
export class InMemoryVerifications implements RepositoryOf<VerificationStatusRepository> {
  readonly docs = new Map<number, { labId: number; decision?: StoredDecision; review?: StoredReview }>();

  async saveDecision(labId: number, labReportId: number, decision: StoredDecision): Promise<void> {
    const doc = this.docs.get(labReportId) ?? { labId };
    if (doc.labId !== labId || (doc.decision && doc.decision.decidedAt > decision.decidedAt)) return;
    this.docs.set(labReportId, { ...doc, decision });
  }

  async saveReview(labId: number, labReportId: number, review: StoredReview): Promise<void> {
    const doc = this.docs.get(labReportId) ?? { labId };
    if (doc.labId !== labId || (doc.review && doc.review.at > review.at)) return;
    this.docs.set(labReportId, { ...doc, review });
  }

  async blocks(labId: number, labReportIds: number[]): Promise<Map<number, ReturnType<typeof blockOf>>> {
    return new Map(labReportIds.flatMap((id) => {
      const doc = this.docs.get(id);
      return doc && doc.labId === labId && doc.decision ? [[id, blockOf(doc.decision, doc.review)] as const] : [];
    }));
  }
}

export class InMemoryDevices implements RepositoryOf<DeviceRepository> {
  readonly rows: (DeviceRow & { labId: number })[] = [];

  async find(labId: number, deviceId: number): Promise<DeviceRow | null> {
    const found = this.rows.find((d) => d.labId === labId && d.id === deviceId);
    return found ? { id: found.id, name: found.name } : null;
  }

  async save(d: { labId: number; deviceId: number; name: string }): Promise<void> {
    const found = this.rows.find((r) => r.id === d.deviceId);
    if (found) found.name = d.name;
    else this.rows.push({ id: d.deviceId, labId: d.labId, name: d.name });
  }
}

/** The critical records read's canned rows (its SQL joins and scope are the integration suites'), recording what it was asked. */
export class InMemoryCriticalRecords implements RepositoryOf<CriticalRecordsRepository> {
  readonly billIds = new Set<string>();
  reports: CriticalReportRow[] = [];
  readonly values = new Map<number, StoredValue[]>();
  draft: AttemptedCalloutView | null = null;
  readonly scopes: DepartmentScope[] = [];

  async billExists(labId: number, billId: number): Promise<boolean> {
    return this.billIds.has(`${labId}/${billId}`);
  }

  async criticalReports(labId: number, billId: number, scope: DepartmentScope): Promise<CriticalReportRow[]> {
    this.scopes.push(scope);
    return this.billIds.has(`${labId}/${billId}`) ? this.reports.filter((r) => r.bill_id === billId) : [];
  }

  async valuesOf(_labId: number, rows: CriticalReportRow[]): Promise<Map<number, StoredValue[]>> {
    return new Map(rows.map((r) => [r.id, this.values.get(r.id) ?? []]));
  }

  async draftOf(labId: number, billId: number): Promise<AttemptedCalloutView | null> {
    return this.billIds.has(`${labId}/${billId}`) ? this.draft : null;
  }
}

/** Callout status moves forward only (from the given states), drafts per bill. */
export class InMemoryCriticalStatus implements RepositoryOf<CriticalStatusRepository> {
  readonly drafts = new Map<string, { calloutId: number; draft: AttemptedCalloutView }>();

  constructor(private readonly tables: InMemoryTables, private readonly marks: InMemorySearchMarks) {}

  async advance(labId: number, billId: number, labReportIds: number[], to: CalloutStatus, from: CalloutStatus[]): Promise<void> {
    for (const r of this.tables.reports) {
      if (r.labId === labId && r.billId === billId && labReportIds.includes(r.id) && from.includes(r.criticalValues as CalloutStatus)) r.criticalValues = to;
    }
    await this.marks.mark(labReportIds.map((id) => ({ labId, id })));
  }

  async saveDraft(labId: number, billId: number, calloutId: number, draft: AttemptedCalloutView): Promise<void> {
    this.drafts.set(`${labId}/${billId}`, { calloutId, draft });
  }

  async clearDraft(labId: number, billId: number): Promise<void> {
    this.drafts.delete(`${labId}/${billId}`);
  }
}

export class InMemoryLabUserDepartments implements RepositoryOf<LabUserDepartmentsRepository> {
  readonly sets = new Map<string, number[]>();

  async replace(labId: number, userId: string, departmentIds: number[]): Promise<void> {
    this.sets.set(`${labId}/${userId}`, [...departmentIds]);
  }
}

/** Every repository of reporting in memory, over one set of tables. */
export function inMemoryReporting(tables = new InMemoryTables()) {
  const searchMarks = new InMemorySearchMarks(tables);
  const verifications = new InMemoryVerifications();
  return {
    tables, verifications,
    labReports: new InMemoryLabReports(tables), reportsWithTests: new InMemoryReportsWithTests(tables, verifications), histories: new InMemoryHistories(tables),
    tests: new InMemoryTests(tables), documents: new InMemoryDocuments(), searchMarks, registrations: new InMemoryRegistrations(tables),
    rerunPositions: new InMemoryRerunPositions(tables), devices: new InMemoryDevices(), criticalRecords: new InMemoryCriticalRecords(),
    criticalStatus: new InMemoryCriticalStatus(tables, searchMarks), labUserDepartments: new InMemoryLabUserDepartments(),
  } satisfies ReportingRepositories & { tables: InMemoryTables };
}

export type InMemoryReporting = ReturnType<typeof inMemoryReporting>;

/** A use case's unit of work over reporting in memory: its repositories and the events it published. */
export function inMemoryReportingUnit(repositories: InMemoryReporting = inMemoryReporting()) {
  return inMemoryUnitOfWork(repositories);
}

/** Batch units in memory: the inbox's claims, the events written with their causes, the transactions run. */
export function inMemoryBatchUnits(repositories: InMemoryReporting = inMemoryReporting()) {
  const claimed = new Set<string>();
  const written: { topic: string; payload: unknown; causationId: string | null }[] = [];
  const counts = { transactions: 0 };
  const unit: BatchUnit & InMemoryReporting = {
    ...repositories,
    inbox: {
      seen: async (ids) => new Set(ids.filter((id) => claimed.has(id))),
      claimAll: async (ids) => {
        const fresh = ids.filter((id) => !claimed.has(id));
        fresh.forEach((id) => claimed.add(id));
        return new Set(fresh);
      },
    },
    events: {
      addAll: async (topic, events) => {
        // checked against the topic's contract, as the outbox does
        for (const e of events) {
          const problems = validatePayload(topic.payload, e.payload).problems;
          if (problems.length > 0) throw new Error(`invalid ${topic.name} payload: ${problems.join('; ')}`);
        }
        written.push(...events.map((e) => ({ topic: topic.name, payload: e.payload, causationId: e.cause.causationId })));
      },
    },
  };
  const units: BatchUnits = {
    outside: unit,
    transaction: async (work) => {
      counts.transactions++;
      return work(unit);
    },
  };
  return { units, unit, claimed, written, counts };
}

export const labUser = (who: Partial<Principal> = {}): Principal =>
  ({ ...systemPrincipal(LAB), sub: '7', loginType: 'lab_user', name: 'Lab user', departmentDataType: null, ...who });

/** The command the seam would build for a lab user of LAB asking `input`. */
export function labCommand<I extends object>(input: I, who: Partial<Principal> = {}, messageId = 'spec-message'): Command<I> {
  return commandFor(labUser(who), input, messageId);
}

/** The command of an event of LAB (the seam's system principal). */
export function eventCommand<P extends object>(payload: P, messageId = 'spec-event'): Command<P> {
  return commandFor(systemPrincipal(LAB), payload, messageId);
}

/** How a failure is answered (status, code, message) through reporting's error table. */
export const failureOf = (promise: Promise<unknown>) => answered(REPORTING_ERRORS, promise);

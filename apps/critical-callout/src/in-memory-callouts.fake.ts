import { Principal, RecordCalloutInput, systemPrincipal } from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { CalloutBill, CalloutBillReport, CalloutBillRepository } from './callouts/bill.repository';
import { CALLOUT_ERRORS } from './callouts/callout.errors';
import { CalloutRepository, CalloutWrite, LatestCalloutRow } from './callouts/callout.repository';
import { CalloutRepositories } from './critical-callout-unit-of-work';
import { OverdueRow, PendingCriticalRepository } from './overdue/pending-critical.repository';

export const LAB = 71;

export class InMemoryBills implements RepositoryOf<CalloutBillRepository> {
  readonly bills: (CalloutBill & { labId: number })[] = [];
  readonly reports: (CalloutBillReport & { labId: number; billId: number })[] = [];

  async save(labId: number, bill: CalloutBill, reports: CalloutBillReport[]): Promise<void> {
    if (!this.bills.some((b) => b.labId === labId && b.billId === bill.billId)) this.bills.push({ ...bill, labId });
    for (const r of reports) if (!this.reports.some((x) => x.labReportId === r.labReportId)) this.reports.push({ ...r, labId, billId: bill.billId });
  }

  async find(labId: number, billId: number): Promise<CalloutBill | null> {
    const found = this.bills.find((b) => b.labId === labId && b.billId === billId);
    return found ? { billId: found.billId, patientName: found.patientName, doctorId: found.doctorId, organizationId: found.organizationId } : null;
  }

  async reportsOfBill(labId: number, billId: number, labReportIds: number[]): Promise<CalloutBillReport[]> {
    return this.reports.filter((r) => r.labId === labId && r.billId === billId && labReportIds.includes(r.labReportId))
      .map(({ labReportId, testId, testName }) => ({ labReportId, testId, testName }));
  }
}

type StoredCallout = CalloutWrite & { id: number; labReportId: number | null; createdOn: Date };

export class InMemoryCallouts implements RepositoryOf<CalloutRepository> {
  readonly rows: StoredCallout[] = [];
  private nextId = 1;

  async replaceDraft(c: CalloutWrite): Promise<{ id: number; createdOn: Date }> {
    const kept = this.rows.findIndex((r) => r.labId === c.labId && r.billId === c.billId && r.labReportId === null);
    const row = { ...c, id: kept >= 0 ? this.rows[kept].id : this.nextId++, labReportId: null, createdOn: new Date() };
    if (kept >= 0) this.rows[kept] = row;
    else this.rows.push(row);
    return { id: row.id, createdOn: row.createdOn };
  }

  async insertForReports(c: CalloutWrite, labReportIds: number[]): Promise<{ id: number; createdOn: Date }> {
    const rows = labReportIds.map((labReportId) => ({ ...c, id: this.nextId++, labReportId, createdOn: new Date() }));
    this.rows.push(...rows);
    return { id: rows[0].id, createdOn: rows[0].createdOn };
  }

  async deleteDraft(labId: number, billId: number): Promise<void> {
    const kept = this.rows.filter((r) => !(r.labId === labId && r.billId === billId && r.labReportId === null));
    this.rows.splice(0, this.rows.length, ...kept);
  }

  async latestPerReport(labId: number, labReportIds: number[]): Promise<LatestCalloutRow[]> {
    const latest = new Map<number, StoredCallout>();
    for (const r of this.rows) if (r.labId === labId && r.labReportId !== null && labReportIds.includes(r.labReportId)) latest.set(r.labReportId, r);
    return [...latest.values()].map((r) => ({
      lab_report_id: r.labReportId as number, bill_id: r.billId, kind: r.kind, patient_name: 'Asha Rao', organization_id: null, doctor_id: 21,
      performed_by_name: r.performedByName, performed_by_login_type: r.performedByLoginType, comment: r.comment, recipients: r.recipients,
      communication_methods: r.communicationMethods, callout_for: r.calloutFor, contacted_person: r.contactedPerson, read_back: r.readBack,
      created_on: r.createdOn,
    }));
  }
}

export class InMemoryPending implements RepositoryOf<PendingCriticalRepository> {
  readonly open_: { labId: number; labReportId: number; billId: number; testId: number; since: string }[] = [];
  readonly closed: { labId: number; billId: number; labReportId: number }[] = [];

  async open(r: { labId: number; labReportId: number; billId: number; testId: number; since: string }): Promise<void> {
    if (!this.open_.some((x) => x.labReportId === r.labReportId)) this.open_.push(r);
  }

  async closeByCallout(labId: number, billId: number, reports: { labReportId: number; testId: number }[]): Promise<void> {
    this.closed.push(...reports.map((r) => ({ labId, billId, labReportId: r.labReportId })));
  }

  async markOverdue(_now: Date, _allowedMinutes: number, _batch: number): Promise<OverdueRow[]> {
    return [];
  }
}

export function inMemoryCalloutUnit() {
  return inMemoryUnitOfWork({ bills: new InMemoryBills(), callouts: new InMemoryCallouts(), pending: new InMemoryPending() } satisfies CalloutRepositories);
}

/** A bill 12 of LAB with lab reports 101 (test 5, CBC) and 102 (test 6, LFT). */
export async function registeredBill(unit: ReturnType<typeof inMemoryCalloutUnit>): Promise<void> {
  await unit.bills.save(LAB, { billId: 12, patientName: 'Asha Rao', doctorId: 21, organizationId: null }, [
    { labReportId: 101, testId: 5, testName: 'CBC' }, { labReportId: 102, testId: 6, testName: 'LFT' },
  ]);
}

const doctor: Principal = { ...systemPrincipal(LAB), sub: '7', loginType: 'lab_user', name: 'Dr. Smith' };

export function calloutCommand(input: Partial<RecordCalloutInput>, who: Partial<Principal> = {}): Command<RecordCalloutInput> {
  return commandFor({ ...doctor, ...who }, {
    billId: 12, lab_report_ids: [101], status: 'attempted', recipients: ['Doctor'], communication_methods: ['phone'], ...input,
  } as RecordCalloutInput);
}

export const userCommand = <I extends object>(input: I, who: Partial<Principal> = {}) => commandFor({ ...doctor, ...who }, input);

export const failureOf = (promise: Promise<unknown>) => answered(CALLOUT_ERRORS, promise);

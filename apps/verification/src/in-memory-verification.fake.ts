import { Principal, QcHoldView, ReportFormatSaved } from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { DecisionRepository, StoredDecision, StoredReview } from './decisions/decision.repository';
import { ReportState, ReportStateRepository } from './decisions/report-state.repository';
import { ValueHistoryRepository } from './decisions/value-history.repository';
import { DeviceRepository } from './qc/device.repository';
import { QcHoldRepository } from './qc/qc-hold.repository';
import { RerunRepository, RerunTransition } from './reruns/rerun.repository';
import { EvaluatedValue, FormatParameter, OpenRerun, PreviousResult, QcHold } from './rules/decision';
import { ReportFormatRepository } from './rule-sets/report-format.repository';
import { RuleSetRepository, StoredRuleSet } from './rule-sets/rule-set.repository';
import { VERIFICATION_ERRORS } from './verification.errors';
import { VerificationRepositories } from './verification-unit-of-work';

/** Verification's tables in memory, each with its repository's rules (tenant scoping, versions, latest wins), for use case specs. */
export const LAB = 31;
export const REVIEWER: Principal = {
  sub: '7', labId: LAB, loginType: 'lab_user', docType: null, departmentDataType: null, departmentIds: [], scopes: [], partyId: null, clientId: null, name: 'Dr. Verify',
};

let tick = Date.parse('2026-05-25T08:00:00Z');
const now = () => new Date(tick++).toISOString();
const copy = <T>(v: T): T => structuredClone(v);

export class InMemoryRuleSets implements RepositoryOf<RuleSetRepository> {
  readonly rows: StoredRuleSet[] = [];
  async insert(labId: number, testId: number, active: boolean, rules: Omit<StoredRuleSet, 'labId' | 'testId' | 'version' | 'active' | 'createdBy' | 'createdAt'>, createdBy: string): Promise<StoredRuleSet> {
    const version = Math.max(0, ...this.rows.filter((r) => r.labId === labId && r.testId === testId).map((r) => r.version)) + 1;
    const row = { labId, testId, version, active, ...copy(rules), createdBy, createdAt: now() };
    this.rows.push(row);
    return copy(row);
  }
  async latestActive(labId: number, testId: number): Promise<StoredRuleSet | null> {
    return copy(this.of(labId, testId).filter((r) => r.active).pop() ?? null);
  }
  async find(labId: number, testId: number, version?: number): Promise<StoredRuleSet | null> {
    const rows = this.of(labId, testId);
    return copy((version === undefined ? rows[rows.length - 1] : rows.find((r) => r.version === version)) ?? null);
  }
  private of(labId: number, testId: number): StoredRuleSet[] {
    return this.rows.filter((r) => r.labId === labId && r.testId === testId).sort((a, b) => a.version - b.version);
  }
}

export class InMemoryFormats implements RepositoryOf<ReportFormatRepository> {
  readonly rows = new Map<string, { revision: number; parameters: FormatParameter[] }>();
  async save(e: ReportFormatSaved): Promise<void> {
    const key = `${e.labId}:${e.testId}`;
    if ((this.rows.get(key)?.revision ?? -Infinity) >= e.revision) return;
    const parameters = e.parameters.map((p) => ({ index: p.index, name: p.name, linearityLower: p.linearityLower ?? null, linearityUpper: p.linearityUpper ?? null }));
    this.rows.set(key, { revision: e.revision, parameters });
  }
  async parametersOf(labId: number, testId: number): Promise<FormatParameter[]> {
    return copy(this.rows.get(`${labId}:${testId}`)?.parameters ?? []);
  }
}

export class InMemoryDevices implements RepositoryOf<DeviceRepository> {
  readonly rows = new Map<string, string>();
  async save(labId: number, deviceId: number, name: string): Promise<void> {
    this.rows.set(`${labId}:${deviceId}`, name);
  }
  async exists(labId: number, deviceId: number): Promise<boolean> {
    return this.rows.has(`${labId}:${deviceId}`);
  }
}

export class InMemoryQcHolds implements RepositoryOf<QcHoldRepository> {
  readonly rows = new Map<string, QcHoldView & { labId: number }>();
  async set(labId: number, deviceId: number, since: string, reason: string | null, by: string): Promise<QcHoldView> {
    const row = { labId, deviceId, held: true, since, reason, setBy: by, clearedAt: null };
    this.rows.set(`${labId}:${deviceId}`, row);
    return view(row);
  }
  async clear(labId: number, deviceId: number): Promise<QcHoldView | null> {
    const row = this.rows.get(`${labId}:${deviceId}`);
    if (!row) return null;
    if (row.held) Object.assign(row, { held: false, clearedAt: now() });
    return view(row);
  }
  async activeFor(labId: number, deviceIds: number[], at: string): Promise<QcHold[]> {
    return [...this.rows.values()].filter((r) => r.labId === labId && deviceIds.includes(r.deviceId) && r.held && r.since !== null && r.since <= at)
      .map((r) => ({ deviceId: r.deviceId, since: r.since as string, reason: r.reason }));
  }
}
const view = ({ labId: _lab, ...v }: QcHoldView & { labId: number }): QcHoldView => ({ ...v });

export class InMemoryReruns implements RepositoryOf<RerunRepository> {
  readonly rows = new Map<string, { position: [number, number]; open: boolean; since: string | null; requestedParameters: number[]; confirmed: number }>();
  async apply(t: RerunTransition, change: { open: boolean; since?: string; requestedParameters?: number[]; confirmed?: boolean }): Promise<void> {
    const key = `${t.labId}:${t.labReportId}`;
    const row = this.rows.get(key);
    const position: [number, number] = [t.lifecycleEpoch, t.sequence];
    if (row && (row.position[0] > position[0] || (row.position[0] === position[0] && row.position[1] >= position[1]))) return;
    this.rows.set(key, {
      position, open: change.open, since: change.since ?? row?.since ?? null,
      requestedParameters: change.open ? change.requestedParameters ?? [] : row?.requestedParameters ?? [], confirmed: (row?.confirmed ?? 0) + (change.confirmed ? 1 : 0),
    });
  }
  async openRerun(labId: number, labReportId: number): Promise<OpenRerun | null> {
    const row = this.rows.get(`${labId}:${labReportId}`);
    return row?.open ? { since: row.since ?? '', requestedParameters: [...row.requestedParameters] } : null;
  }
  async rerunReports(labId: number, labReportIds: number[]): Promise<Set<number>> {
    return new Set(labReportIds.filter((id) => this.rows.has(`${labId}:${id}`)));
  }
}

export class InMemoryDecisions implements RepositoryOf<DecisionRepository> {
  readonly rows: StoredDecision[] = [];
  async insert(d: Omit<StoredDecision, 'decidedAt' | 'review'>): Promise<StoredDecision> {
    const row = { ...copy(d), decidedAt: now(), review: null };
    this.rows.push(row);
    return copy(row);
  }
  async find(labId: number, id: string): Promise<StoredDecision | null> {
    return copy(this.rows.find((d) => d.labId === labId && d.id === id) ?? null);
  }
  async review(labId: number, id: string, review: Omit<StoredReview, 'at'>): Promise<void> {
    const row = this.rows.find((d) => d.labId === labId && d.id === id);
    if (row) row.review = { ...copy(review), at: now() };
  }
  async latestPerReport(labId: number, testId: number): Promise<StoredDecision[]> {
    const latest = new Map<number, StoredDecision>();
    for (const d of this.rows.filter((r) => r.labId === labId && r.testId === testId)) latest.set(d.labReportId, d);
    return copy([...latest.values()].sort((a, b) => a.labReportId - b.labReportId));
  }
}

export class InMemoryStates implements RepositoryOf<ReportStateRepository> {
  readonly rows = new Map<string, ReportState>();
  readonly locked: number[] = [];
  async lock(labId: number, labReportId: number): Promise<ReportState | null> {
    this.locked.push(labReportId);
    return this.find(labId, labReportId);
  }
  async find(labId: number, labReportId: number): Promise<ReportState | null> {
    return copy(this.rows.get(`${labId}:${labReportId}`) ?? null);
  }
  async save(s: ReportState): Promise<void> {
    this.rows.set(`${s.labId}:${s.labReportId}`, copy(s));
  }
  async rejected(labId: number, labReportIds: number[]): Promise<Set<number>> {
    return new Set(labReportIds.filter((id) => this.rows.get(`${labId}:${id}`)?.rejected));
  }
}

type HistoryKey = { labId: number; labReportId: number; patientId: string; testId: number };
export class InMemoryHistory implements RepositoryOf<ValueHistoryRepository> {
  readonly rows: (HistoryKey & { index: number; numericValue: number; observedAt: string })[] = [];
  async record(r: HistoryKey, values: EvaluatedValue[]): Promise<void> {
    for (const v of values.filter((x) => x.numericValue !== null && Number.isFinite(x.numericValue))) {
      const at = this.rows.findIndex((h) => h.labId === r.labId && h.labReportId === r.labReportId && h.index === v.index);
      const row = { labId: r.labId, labReportId: r.labReportId, patientId: r.patientId, testId: r.testId, index: v.index, numericValue: v.numericValue as number, observedAt: v.observedAt };
      if (at >= 0) this.rows[at] = row;
      else this.rows.push(row);
    }
  }
  async previous(r: HistoryKey, indexes: number[], before: string): Promise<PreviousResult[]> {
    return indexes.flatMap((index) => {
      const earlier = this.rows.filter((h) => h.labId === r.labId && h.patientId === r.patientId && h.testId === r.testId && h.index === index
        && h.labReportId !== r.labReportId && h.observedAt < before).sort((a, b) => b.observedAt.localeCompare(a.observedAt));
      return earlier[0] ? [{ index, numericValue: earlier[0].numericValue, observedAt: earlier[0].observedAt, labReportId: earlier[0].labReportId }] : [];
    });
  }
}

export type FakeRepositories = {
  ruleSets: InMemoryRuleSets; formats: InMemoryFormats; devices: InMemoryDevices; qcHolds: InMemoryQcHolds; reruns: InMemoryReruns;
  decisions: InMemoryDecisions; states: InMemoryStates; history: InMemoryHistory;
} & VerificationRepositories;

/** A unit of work over fresh in-memory repositories; `published` lists the events it wrote. */
export function inMemoryVerificationUnit() {
  return inMemoryUnitOfWork<FakeRepositories>({
    ruleSets: new InMemoryRuleSets(), formats: new InMemoryFormats(), devices: new InMemoryDevices(), qcHolds: new InMemoryQcHolds(),
    reruns: new InMemoryReruns(), decisions: new InMemoryDecisions(), states: new InMemoryStates(), history: new InMemoryHistory(),
  });
}

export type VerificationSpecUnit = ReturnType<typeof inMemoryVerificationUnit>;

/** The command the seam would build for the reviewer (or another principal) asking `input`. */
export function reviewerCommand<I extends object>(input: I, principal: Principal = REVIEWER, messageId = 'spec-message'): Command<I> {
  return commandFor(principal, input, messageId);
}

/** The verification failure `promise` is answered with (status, code, message). */
export const failureOf = (promise: Promise<unknown>) => answered(VERIFICATION_ERRORS, promise);

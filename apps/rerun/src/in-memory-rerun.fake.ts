import {
  LabReportRerunContext, labScopedKey, MessageContext, Principal, systemPrincipal, validatePayload,
} from '@labflow/contracts';
import { Command, commandFor, failureOf as answered, PublishedEvent, RepositoryOf, UnitsOfWork } from '@labflow/platform/handling';
import { RerunRepositories, RerunUnitOfWork } from './rerun-unit-of-work';
import { Decide, LifecycleChanges } from './reruns/lifecycle-changes';
import { ReportingContextClient } from './reruns/reporting-context.client';
import { RerunCache } from './reruns/rerun-cache';
import { RerunFailurePublisher } from './reruns/rerun-failure.publisher';
import { emptyLifecycle, RerunLifecycle } from './reruns/rerun-lifecycle';
import { Mutated } from './reruns/rerun-lifecycle.repository';
import { RERUN_ERRORS, rerunError } from './reruns/rerun.errors';

export const LAB = 41;
export const REPORT = 7001;
export const SAMPLE = 'S-41-1';

/** The lifecycle documents in memory, with the repository's rules: lab scoping, versions, each message applied once. */
export class InMemoryLifecycles {
  readonly states = new Map<string, RerunLifecycle>();
  readonly published: PublishedEvent[] = [];
  /** A store failure to raise on the next change (not a rule: MongoDB down). */
  failNextWrite: Error | null = null;

  find(labId: number, labReportId: number): RerunLifecycle | null {
    const state = this.states.get(labScopedKey(labId, labReportId));
    return state ? structuredClone(state) : null;
  }

  /** The unit's view, applying changes once per `messageId`. */
  forMessage(messageId: string | null): LifecycleChanges {
    return {
      find: async (labId, labReportId) => this.find(labId, labReportId),
      change: async <R>(labId: number, labReportId: number, decide: Decide<R>): Promise<Mutated<R>> => {
        if (!messageId) throw new Error('a read changed a lifecycle');
        const current = this.find(labId, labReportId);
        if (current?.appliedMessageIds.includes(messageId)) return { duplicate: true };
        const decision = decide(current, emptyLifecycle(labId, labReportId));
        if (!decision.next) return { duplicate: false, result: decision.result, written: false };
        if (this.failNextWrite) {
          const failure = this.failNextWrite;
          this.failNextWrite = null;
          throw failure;
        }
        for (const e of decision.events) {
          const checked = validatePayload(e.topic.payload, e.payload);
          if (checked.problems.length > 0) throw new Error(`invalid ${e.topic.name} payload: ${checked.problems.join('; ')}`);
        }
        this.states.set(labScopedKey(labId, labReportId), structuredClone({
          ...decision.next, labId, labReportId, version: (current?.version ?? 0) + 1,
          appliedMessageIds: [...(current?.appliedMessageIds ?? []), messageId],
        }));
        this.published.push(...decision.events.map((e) => ({ topic: e.topic.name, payload: e.payload })));
        return { duplicate: false, result: decision.result, written: true };
      },
    };
  }
}

/** seed 000 §3's Redis hash in memory. */
export class InMemoryRerunCache implements RepositoryOf<RerunCache> {
  readonly hash = new Map<string, string>();

  async markRequested(labId: number, labReportId: number, rerunNumber: number): Promise<void> {
    this.hash.set(labScopedKey(labId, labReportId), String(rerunNumber));
  }

  async clear(labId: number, labReportId: number): Promise<void> {
    this.hash.delete(labScopedKey(labId, labReportId));
  }
}

/** Reporting's lab reports, answering in the asker's lab only (another lab's report is not found), counting the questions. */
export class FakeReporting implements RepositoryOf<ReportingContextClient> {
  readonly reports = new Map<string, LabReportRerunContext>();
  readonly asked: string[] = [];

  async contextOf(principal: Principal, labReportId: number): Promise<LabReportRerunContext> {
    this.asked.push(`context ${principal.labId}:${labReportId}`);
    const found = this.reports.get(labScopedKey(principal.labId, labReportId));
    if (!found) throw rerunError('LAB_REPORT_NOT_FOUND');
    return structuredClone(found);
  }

  async contextsOf(principal: Principal, ids: number[]): Promise<Map<number, LabReportRerunContext>> {
    this.asked.push(`contexts ${principal.labId}:${ids.join(',')}`);
    const found = new Map<number, LabReportRerunContext>();
    for (const id of ids) {
      const report = this.reports.get(labScopedKey(principal.labId, id));
      if (report) found.set(id, structuredClone(report));
    }
    return found;
  }
}

export class FakeFailures implements RepositoryOf<RerunFailurePublisher> {
  readonly saved: { labId: number; labReportId: number; reason: string; by: string }[] = [];

  async saveFailed(principal: Principal, labReportId: number, reason: string, _cause: MessageContext): Promise<void> {
    this.saved.push({ labId: principal.labId, labReportId, reason, by: principal.sub });
  }
}

/** The rerun app's stores in memory; `unitFor(messageId)` is the unit the seam gives one message. */
export class InMemoryRerun {
  readonly lifecycles = new InMemoryLifecycles();
  readonly cache = new InMemoryRerunCache();
  readonly reporting = new FakeReporting();
  readonly failures = new FakeFailures();

  get published(): PublishedEvent[] {
    return this.lifecycles.published;
  }

  unitFor(messageId: string | null = 'spec-message'): RerunUnitOfWork {
    return {
      lifecycles: this.lifecycles.forMessage(messageId), cache: this.cache, reporting: this.reporting, failures: this.failures,
      publish: async () => { throw new Error('rerun writes its events with a lifecycle change'); },
    };
  }

  /** The seam's units over these stores, as RerunUnitsOfWork gives them (the claim is the unit's message id). */
  units(): UnitsOfWork<RerunRepositories> {
    return {
      claimed: async (claim, _cause, work) => ({ first: true, result: await work(this.unitFor(claim.messageId)) }),
      unclaimed: () => Promise.reject(new Error('rerun has no self-claimed commands')),
      read: (work) => work(this.unitFor(null)),
    };
  }
}

const rule = (index: number, name: string, over: Partial<LabReportRerunContext['parameters'][number]>) => ({
  index, name, lower: null, upper: null, criticalLower: null, criticalUpper: null,
  autoRerunAllowed: false, autoRerunCondition: null, autoRerunLower: null, autoRerunUpper: null, ...over,
});

/** A CBC-like report: WBC (1, abnormal outside 4-11), Hb (3, no auto rerun), PLT (5, custom outside 50-1000). */
export function cbcReport(over: Partial<LabReportRerunContext> = {}): LabReportRerunContext {
  return {
    labReportId: REPORT, labId: LAB, sampleId: SAMPLE, testId: 9, sampleRedrawFlag: 0,
    patient: { gender: 'female', dateOfBirth: '1984-02-29' },
    parameters: [
      rule(1, 'WBC Count', { lower: 4, upper: 11, autoRerunAllowed: true, autoRerunCondition: 'abnormal' }),
      rule(3, 'Hemoglobin', { lower: 12, upper: 16 }),
      rule(5, 'Platelets', { autoRerunAllowed: true, autoRerunCondition: 'custom', autoRerunLower: 50, autoRerunUpper: 1000 }),
    ],
    ageRanges: [],
    values: [{ index: 1, value: '7.1' }, { index: 3, value: '13.2' }, { index: 5, value: '250' }],
    ...over,
  };
}

/** Stores with the CBC report registered in LAB. */
export function rerunStores(): InMemoryRerun {
  const stores = new InMemoryRerun();
  stores.reporting.reports.set(labScopedKey(LAB, REPORT), cbcReport());
  return stores;
}

export const labUser = (labId = LAB): Principal => ({ ...systemPrincipal(labId), sub: '7', loginType: 'lab_user', name: 'Dr Lab' });

export function userCommand<I extends object>(input: I, messageId = 'spec-message', principal = labUser()): Command<I> {
  return commandFor(principal, input, messageId);
}

export function systemCommand<I extends object>(input: I, messageId = 'spec-message', labId = LAB): Command<I> {
  return commandFor(systemPrincipal(labId), input, messageId);
}

/** The failure as the caller is answered through the rerun error table. */
export const failureOf = (promise: Promise<unknown>) => answered(RERUN_ERRORS, promise);

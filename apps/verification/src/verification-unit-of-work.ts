import { Queryable } from '@labflow/platform/kafka';
import { RepositoryOf, UnitOfWork } from '@labflow/platform/handling';
import { DecisionRepository } from './decisions/decision.repository';
import { ReportStateRepository } from './decisions/report-state.repository';
import { ValueHistoryRepository } from './decisions/value-history.repository';
import { DeviceRepository } from './qc/device.repository';
import { QcHoldRepository } from './qc/qc-hold.repository';
import { RerunRepository } from './reruns/rerun.repository';
import { ReportFormatRepository } from './rule-sets/report-format.repository';
import { RuleSetRepository } from './rule-sets/rule-set.repository';

/** Verification's repositories (the only code that touches its schema), by their public members so a fake can stand in. */
export interface VerificationRepositories {
  ruleSets: RepositoryOf<RuleSetRepository>;
  formats: RepositoryOf<ReportFormatRepository>;
  devices: RepositoryOf<DeviceRepository>;
  qcHolds: RepositoryOf<QcHoldRepository>;
  reruns: RepositoryOf<RerunRepository>;
  decisions: RepositoryOf<DecisionRepository>;
  states: RepositoryOf<ReportStateRepository>;
  history: RepositoryOf<ValueHistoryRepository>;
}

export type VerificationUnitOfWork = UnitOfWork<VerificationRepositories>;

export const verificationRepositories = (session: Queryable): VerificationRepositories => ({
  ruleSets: new RuleSetRepository(session),
  formats: new ReportFormatRepository(session),
  devices: new DeviceRepository(session),
  qcHolds: new QcHoldRepository(session),
  reruns: new RerunRepository(session),
  decisions: new DecisionRepository(session),
  states: new ReportStateRepository(session),
  history: new ValueHistoryRepository(session),
});

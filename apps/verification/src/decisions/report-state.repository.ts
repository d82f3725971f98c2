import { Queryable } from '@labflow/platform/kafka';
import { VerificationStatus } from '@labflow/contracts';
import { SCHEMA } from '../migrations';
import { EvaluatedValue } from '../rules/decision';

const S = `"${SCHEMA}"`;

/** Where a report stands: its current values (every upload merged), status and latest decision. */
export interface ReportState {
  labId: number;
  labReportId: number;
  billId: number;
  patientId: string;
  testId: number;
  values: EvaluatedValue[];
  testFlags: string[];
  testFlagsDeviceId: number | null;
  status: VerificationStatus;
  decisionId: string;
  decisions: number;
  rejected: boolean;
}

interface Row {
  lab_id: number; lab_report_id: number; bill_id: number; patient_id: string; test_id: number; current_values: EvaluatedValue[];
  test_flags: string[]; test_flags_device_id: number | null; status: VerificationStatus; decision_id: string; decisions: number; rejected: boolean;
}

export class ReportStateRepository {
  constructor(private readonly db: Queryable) {}

  /** Locks the report's row for the transaction: a decision and a review of one report never interleave. */
  async lock(labId: number, labReportId: number): Promise<ReportState | null> {
    const rows: Row[] = await this.db.query(`SELECT * FROM ${S}.report_states WHERE lab_id = $1 AND lab_report_id = $2 FOR UPDATE`, [labId, labReportId]);
    return rows[0] ? toState(rows[0]) : null;
  }

  async find(labId: number, labReportId: number): Promise<ReportState | null> {
    const rows: Row[] = await this.db.query(`SELECT * FROM ${S}.report_states WHERE lab_id = $1 AND lab_report_id = $2`, [labId, labReportId]);
    return rows[0] ? toState(rows[0]) : null;
  }

  async save(s: ReportState): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.report_states (lab_id, lab_report_id, bill_id, patient_id, test_id, current_values, test_flags, test_flags_device_id, status, decision_id, decisions, rejected)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (lab_id, lab_report_id) DO UPDATE SET current_values = EXCLUDED.current_values, test_flags = EXCLUDED.test_flags,
         test_flags_device_id = EXCLUDED.test_flags_device_id, status = EXCLUDED.status, decision_id = EXCLUDED.decision_id,
         decisions = EXCLUDED.decisions, rejected = EXCLUDED.rejected`,
      [s.labId, s.labReportId, s.billId, s.patientId, s.testId, JSON.stringify(s.values), JSON.stringify(s.testFlags), s.testFlagsDeviceId,
        s.status, s.decisionId, s.decisions, s.rejected],
    );
  }

  /** Reports of the list a reviewer rejected at some time. */
  async rejected(labId: number, labReportIds: number[]): Promise<Set<number>> {
    if (labReportIds.length === 0) return new Set();
    const rows: { lab_report_id: number }[] = await this.db.query(
      `SELECT lab_report_id FROM ${S}.report_states WHERE lab_id = $1 AND lab_report_id = ANY($2::int[]) AND rejected`, [labId, labReportIds],
    );
    return new Set(rows.map((r) => r.lab_report_id));
  }
}

function toState(r: Row): ReportState {
  return {
    labId: r.lab_id, labReportId: r.lab_report_id, billId: r.bill_id, patientId: r.patient_id, testId: r.test_id, values: r.current_values,
    testFlags: r.test_flags, testFlagsDeviceId: r.test_flags_device_id, status: r.status, decisionId: r.decision_id, decisions: r.decisions,
    rejected: r.rejected,
  };
}

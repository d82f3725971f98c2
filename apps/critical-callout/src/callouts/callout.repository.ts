import { CalloutKind } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

export interface CalloutWrite {
  labId: number;
  billId: number;
  kind: CalloutKind;
  recipients: string[];
  communicationMethods: string[];
  comment: string | null;
  criticalValuesMeta: Record<string, unknown>;
  calloutFor: number[];
  contactedPerson: string | null;
  readBack: boolean | null;
  performedByUserId: string;
  performedByName: string;
  performedByLoginType: string;
}

export interface LatestCalloutRow {
  lab_report_id: number; bill_id: number; kind: CalloutKind; patient_name: string | null; organization_id: number | null;
  doctor_id: number | null; performed_by_name: string; performed_by_login_type: string; comment: string | null;
  recipients: string[]; communication_methods: string[]; callout_for: number[]; contacted_person: string | null;
  read_back: boolean | null; created_on: Date;
}

/** The only code touching callouts, in one session; every query takes the lab. */
export class CalloutRepository {
  constructor(private readonly db: Queryable) {}

  /** seed 001: the draft is the bill's callout without a lab report; a later draft replaces it. */
  async replaceDraft(c: CalloutWrite): Promise<{ id: number; createdOn: Date }> {
    const rows: { id: number; created_on: Date }[] = await this.db.query(
      `INSERT INTO ${S}.callouts (lab_id, bill_id, lab_report_id, kind, recipients, communication_methods, comment,
         critical_values_meta, callout_for, contacted_person, read_back, performed_by_user_id, performed_by_name, performed_by_login_type)
       VALUES ($1,$2,NULL,'draft',$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (lab_id, bill_id) WHERE lab_report_id IS NULL DO UPDATE SET
         recipients = EXCLUDED.recipients, communication_methods = EXCLUDED.communication_methods, comment = EXCLUDED.comment,
         critical_values_meta = EXCLUDED.critical_values_meta, callout_for = EXCLUDED.callout_for,
         contacted_person = EXCLUDED.contacted_person, read_back = EXCLUDED.read_back,
         performed_by_user_id = EXCLUDED.performed_by_user_id, performed_by_name = EXCLUDED.performed_by_name,
         performed_by_login_type = EXCLUDED.performed_by_login_type, created_on = clock_timestamp()
       RETURNING id, created_on`,
      [c.labId, c.billId, ...this.values(c)],
    );
    return { id: rows[0].id, createdOn: rows[0].created_on };
  }

  /** An attempt or a done callout: one row per lab report (the export reads the latest per report). */
  async insertForReports(c: CalloutWrite, labReportIds: number[]): Promise<{ id: number; createdOn: Date }> {
    let first: { id: number; created_on: Date } | undefined;
    for (const labReportId of labReportIds) {
      const rows: { id: number; created_on: Date }[] = await this.db.query(
        `INSERT INTO ${S}.callouts (lab_id, bill_id, lab_report_id, kind, recipients, communication_methods, comment,
           critical_values_meta, callout_for, contacted_person, read_back, performed_by_user_id, performed_by_name, performed_by_login_type)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id, created_on`,
        [c.labId, c.billId, labReportId, c.kind, ...this.values(c)],
      );
      first ??= rows[0];
    }
    return { id: first!.id, createdOn: first!.created_on };
  }

  async deleteDraft(labId: number, billId: number): Promise<void> {
    await this.db.query(`DELETE FROM ${S}.callouts WHERE lab_id = $1 AND bill_id = $2 AND lab_report_id IS NULL`, [labId, billId]);
  }

  /** seed 001 export: the latest callout per report, with the bill's names. */
  async latestPerReport(labId: number, labReportIds: number[]): Promise<LatestCalloutRow[]> {
    if (labReportIds.length === 0) return [];
    return this.db.query(
      `SELECT DISTINCT ON (c.lab_report_id) c.lab_report_id, c.bill_id, c.kind, b.patient_name, b.organization_id, b.doctor_id,
         c.performed_by_name, c.performed_by_login_type, c.comment, c.recipients, c.communication_methods, c.callout_for,
         c.contacted_person, c.read_back, c.created_on
       FROM ${S}.callouts c LEFT JOIN ${S}.bills b ON b.lab_id = c.lab_id AND b.bill_id = c.bill_id
       WHERE c.lab_id = $1 AND c.lab_report_id = ANY($2::int[])
       ORDER BY c.lab_report_id, c.created_on DESC, c.id DESC`,
      [labId, labReportIds],
    );
  }

  private values(c: CalloutWrite): unknown[] {
    return [
      JSON.stringify(c.recipients), JSON.stringify(c.communicationMethods), c.comment, JSON.stringify(c.criticalValuesMeta),
      JSON.stringify(c.calloutFor), c.contactedPerson, c.readBack, c.performedByUserId, c.performedByName, c.performedByLoginType,
    ];
  }
}

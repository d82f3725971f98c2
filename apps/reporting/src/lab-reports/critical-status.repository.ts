import { Queryable } from '@labflow/platform/kafka';
import { AttemptedCalloutView, CalloutStatus } from '@labflow/contracts';
import { SCHEMA } from '../migrations';
import { SearchMarksRepository } from './search-marks.repository';

const S = `"${SCHEMA}"`;

/** Writes of the callout status of lab reports and of the bill's draft read model; every query takes the lab. */
export class CriticalStatusRepository {
  constructor(private readonly session: Queryable, private readonly search: SearchMarksRepository) {}

  async advance(labId: number, billId: number, labReportIds: number[], to: CalloutStatus, from: CalloutStatus[]): Promise<void> {
    await this.session.query(
      `UPDATE ${S}.lab_reports SET critical_values = $4, updated_at = now()
       WHERE lab_id = $1 AND bill_id = $2 AND id = ANY($3::int[]) AND critical_values = ANY($5::text[])`,
      [labId, billId, labReportIds, to, from],
    );
    await this.search.mark(labReportIds.map((id) => ({ labId, id }))); // the index shows criticalValues
  }

  /** A later draft replaces the earlier one (the topic key, billId, keeps one bill's callouts in order). */
  async saveDraft(labId: number, billId: number, calloutId: number, draft: AttemptedCalloutView): Promise<void> {
    await this.session.query(
      `INSERT INTO ${S}.critical_callout_drafts (lab_id, bill_id, callout_id, draft) VALUES ($1,$2,$3,$4)
       ON CONFLICT (lab_id, bill_id) DO UPDATE SET callout_id = EXCLUDED.callout_id, draft = EXCLUDED.draft, updated_at = now()`,
      [labId, billId, calloutId, JSON.stringify(draft)],
    );
  }

  async clearDraft(labId: number, billId: number): Promise<void> {
    await this.session.query(`DELETE FROM ${S}.critical_callout_drafts WHERE lab_id = $1 AND bill_id = $2`, [labId, billId]);
  }
}

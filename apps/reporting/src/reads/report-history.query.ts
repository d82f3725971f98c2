import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../migrations';

/** One earlier value of the same patient and test (seed 002 §3 historicalValuesByIndex, §5 parameter_historical_values). */
export interface HistoricalValue {
  labReportId: number;
  index: number;
  value: number | string;
  date: string;
}

/** How many earlier reports of the same patient and test a history shows. */
export const HISTORY_DEPTH = 20;

/**
 * Earlier values of the given reports, newest report first, each by index: one query for all of them.
 * Every applied value is in the relational values (document reports too, without flags), so no
 * document read is needed for history.
 */
@Injectable()
export class ReportHistoryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async of(labId: number, labReportIds: number[]): Promise<Map<number, HistoricalValue[]>> {
    const out = new Map<number, HistoricalValue[]>(labReportIds.map((id) => [id, []]));
    if (labReportIds.length === 0) return out;
    const rows: { anchor_id: number; id: number; created_at: Date; index: number; value: string; numeric_value: number | null }[] = await this.dataSource.query(
      `SELECT cur.id AS anchor_id, e.id, e.created_at, v.index, v.value, v.numeric_value
       FROM "${SCHEMA}".lab_reports cur
       CROSS JOIN LATERAL (
         SELECT e.id, e.created_at FROM "${SCHEMA}".lab_reports e
         WHERE e.lab_id = cur.lab_id AND e.patient_id = cur.patient_id AND e.test_id = cur.test_id AND e.id < cur.id
         ORDER BY e.id DESC LIMIT ${HISTORY_DEPTH}
       ) e
       JOIN "${SCHEMA}".report_values v ON v.lab_id = cur.lab_id AND v.lab_report_id = e.id
       WHERE cur.lab_id = $1 AND cur.id = ANY($2::int[])
       ORDER BY cur.id, e.id DESC, v.index`,
      [labId, labReportIds],
    );
    for (const r of rows) {
      out.get(r.anchor_id)?.push({ labReportId: r.id, index: r.index, value: r.numeric_value ?? r.value, date: r.created_at.toISOString() });
    }
    return out;
  }
}

import { Queryable } from '@labflow/platform/kafka';
import {
  AgeRangeDto, CalculationDto, ReportFormatResult, ReportParameterDto, TestType,
} from '@labflow/contracts';
import { SCHEMA } from '../migrations';

/** A test and its report format as stored (one row; the sections are JSON documents of the row). */
export interface StoredTest {
  id: number;
  labId: number;
  testName: string;
  testType: TestType;
  documentReport: number;
  showDeviceExtraDataInPdf: boolean;
  departmentId: number | null;
  reportData: ReportParameterDto[];
  ageRangeData: AgeRangeDto[];
  calculations: CalculationDto[];
  childLabIds: number[];
  revision: number;
  updatedAt: Date;
}

export type TestWrite = Omit<StoredTest, 'id' | 'revision' | 'updatedAt'>;

export interface TestRow {
  id: number; lab_id: number; test_name: string; test_type: TestType; document_report: number;
  show_device_extra_data_in_pdf: boolean; department_id: number | null; report_data: ReportParameterDto[];
  age_range_data: AgeRangeDto[]; calculations: CalculationDto[]; child_labs: number[]; revision: number; updated_at: Date;
}

export const storedTestOf = (r: TestRow): StoredTest => ({
  id: r.id, labId: r.lab_id, testName: r.test_name, testType: r.test_type, documentReport: r.document_report,
  showDeviceExtraDataInPdf: r.show_device_extra_data_in_pdf, departmentId: r.department_id, reportData: r.report_data,
  ageRangeData: r.age_range_data, calculations: r.calculations, childLabIds: r.child_labs, revision: r.revision,
  updatedAt: r.updated_at,
});

export function toReportFormatResult(t: StoredTest): ReportFormatResult {
  return {
    testId: t.id, testName: t.testName, test_type: t.testType, document_report: t.documentReport,
    show_device_extra_data_in_pdf: t.showDeviceExtraDataInPdf, department: t.departmentId,
    reportData: t.reportData, ageRangeData: t.ageRangeData, calculations: t.calculations,
    addTestToChildLabsData: { childLabIds: t.childLabIds }, updatedAt: t.updatedAt.toISOString(),
  };
}

/** The only code that touches the tests table; every query is scoped by lab. */
export class TestRepository {
  constructor(private readonly session: Queryable) {}

  async insert(t: TestWrite): Promise<StoredTest> {
    const rows: TestRow[] = await this.session.query(
      `INSERT INTO "${SCHEMA}".tests (lab_id, test_name, test_type, document_report, show_device_extra_data_in_pdf,
         department_id, report_data, age_range_data, calculations, child_labs)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
      [t.labId, t.testName, t.testType, t.documentReport, t.showDeviceExtraDataInPdf, t.departmentId,
        JSON.stringify(t.reportData), JSON.stringify(t.ageRangeData), JSON.stringify(t.calculations), JSON.stringify(t.childLabIds)],
    );
    return storedTestOf(rows[0]);
  }

  /** Replaces the format; the revision grows so consumers keep the newest. Null when not in the lab. */
  async replace(id: number, t: TestWrite): Promise<StoredTest | null> {
    const [rows]: [TestRow[], number] = await this.session.query(
      `UPDATE "${SCHEMA}".tests SET test_name=$3, test_type=$4, document_report=$5, show_device_extra_data_in_pdf=$6,
         department_id=$7, report_data=$8, age_range_data=$9, calculations=$10, child_labs=$11,
         revision = revision + 1, updated_at = now()
       WHERE lab_id = $1 AND id = $2 RETURNING *`,
      [t.labId, id, t.testName, t.testType, t.documentReport, t.showDeviceExtraDataInPdf, t.departmentId,
        JSON.stringify(t.reportData), JSON.stringify(t.ageRangeData), JSON.stringify(t.calculations), JSON.stringify(t.childLabIds)],
    );
    return rows[0] ? storedTestOf(rows[0]) : null;
  }

  async findForUpdate(labId: number, id: number): Promise<StoredTest | null> {
    const rows: TestRow[] = await this.session.query(`SELECT * FROM "${SCHEMA}".tests WHERE lab_id = $1 AND id = $2 FOR UPDATE`, [labId, id]);
    return rows[0] ? storedTestOf(rows[0]) : null;
  }

  async findByIds(labId: number, ids: number[]): Promise<StoredTest[]> {
    if (ids.length === 0) return [];
    const rows: TestRow[] = await this.session.query(`SELECT * FROM "${SCHEMA}".tests WHERE lab_id = $1 AND id = ANY($2::int[])`, [labId, ids]);
    return rows.map(storedTestOf);
  }
}

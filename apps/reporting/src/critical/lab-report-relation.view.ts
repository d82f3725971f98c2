import { LabReportRelationView } from '@labflow/contracts';
import { CriticalReportRow } from '../lab-reports/critical-records.repository';

/**
 * seed 001 LabReportRelationAllTestSerializer, field for field. LabFlow does not model holds, sync to
 * a third party, comments, approval, resolution, questioning, not-performed or auto-approval yet: those
 * fields carry the legacy "not set" values (0 / null) so the UI renders the same accordion.
 */
export function labReportRelationView(r: CriticalReportRow): LabReportRelationView {
  return {
    orgId: r.organization_id,
    onHold: 0,
    billId: r.bill_id,
    docForId: r.doctor_id,
    reportID: {
      testID: r.test_id, testName: r.test_name, departmentId: r.department_id, testType: r.test_type, documentReport: r.document_report,
    },
    isSigned: r.is_signed,
    isSynced: 0,
    comments: null,
    isProfile: r.test_type === 'Profile' ? 1 : 0,
    isApproved: 0,
    isResolved: 0,
    inQuestion: 0,
    labReportId: r.id,
    notPerformed: 0,
    claim_on_hold: 0,
    userDetailsId: r.patient_id,
    reportFormatId: r.test_id,
    criticalValues: r.critical_values,
    auto_approval_status: 0,
  };
}

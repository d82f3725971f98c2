import { Principal } from '@labflow/contracts';

/** seed 001 "Department scoping" table, as one value the records query turns into SQL. */
export type DepartmentScope =
  | { kind: 'all' }
  | { kind: 'departments'; departmentIds: number[] }
  | { kind: 'user-relation'; userId: string }
  | { kind: 'bill-doctor'; doctorId: number }
  | { kind: 'nothing' };

/**
 * doctor doc_type 0 → the doctor's departments (department_ids claim); doctor doc_type 2 → only bills
 * assigned to that doctor; lab user department_data_type 0 → the session's departments; 1 → the
 * user's department relation; support → no filter.
 * Outside the table: a doctor of another doc_type sees nothing (least privilege for people outside the
 * lab); a lab user whose session sets no department mode is not restricted, as when the lab has not
 * configured department data restriction.
 */
export function departmentScope(principal: Principal): DepartmentScope {
  switch (principal.loginType) {
    case 'support':
    case 'system':
      return { kind: 'all' };
    case 'doctor':
      if (principal.docType === 0) return { kind: 'departments', departmentIds: principal.departmentIds };
      if (principal.docType === 2) {
        const doctorId = Number(principal.sub);
        return Number.isInteger(doctorId) ? { kind: 'bill-doctor', doctorId } : { kind: 'nothing' };
      }
      return { kind: 'nothing' };
    case 'lab_user':
      if (principal.departmentDataType === 0) return { kind: 'departments', departmentIds: principal.departmentIds };
      if (principal.departmentDataType === 1) return { kind: 'user-relation', userId: principal.sub };
      return { kind: 'all' };
  }
}

/** The SQL condition of a scope over `lr` (lab_reports) and `b` (bills); parameters start at `next`. */
export function scopeCondition(scope: DepartmentScope, next: number): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'nothing':
      return { sql: 'FALSE', params: [] };
    case 'departments':
      return { sql: `lr.department_id = ANY($${next}::int[])`, params: [scope.departmentIds] };
    case 'bill-doctor':
      return { sql: `b.doctor_id = $${next}`, params: [scope.doctorId] };
    case 'user-relation':
      return {
        sql: `lr.department_id IN (SELECT d.department_id FROM "reporting".lab_user_departments d
               WHERE d.lab_id = lr.lab_id AND d.user_id = $${next})`,
        params: [scope.userId],
      };
  }
}

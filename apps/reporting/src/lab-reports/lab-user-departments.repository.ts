import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

const S = `"${SCHEMA}"`;

/** A lab user's department relation (seed 001 LabUserDepartmentRelation); every query carries its lab. */
export class LabUserDepartmentsRepository {
  constructor(private readonly session: Queryable) {}

  /** Replaces the user's whole set (in the caller's transaction). */
  async replace(labId: number, userId: string, departmentIds: number[]): Promise<void> {
    await this.session.query(`DELETE FROM ${S}.lab_user_departments WHERE lab_id = $1 AND user_id = $2`, [labId, userId]);
    for (const departmentId of departmentIds) {
      await this.session.query(
        `INSERT INTO ${S}.lab_user_departments (lab_id, user_id, department_id) VALUES ($1,$2,$3)`,
        [labId, userId, departmentId],
      );
    }
  }
}

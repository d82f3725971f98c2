import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandRequest, LabUserDepartmentsInput } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { authenticatedInput } from '@labflow/platform/service';
import { SCHEMA } from '../migrations';

/**
 * PUT /api-v3/lab-users/:userId/departments: the user's department relation (seed 001
 * LabUserDepartmentRelation), read for lab users with department_data_type 1. Replaces the whole set.
 * Only support or a lab user whose own reads are not department-restricted may change it, so a
 * restricted user cannot widen their own scope.
 */
@Injectable()
export class SetLabUserDepartmentsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(request: CommandRequest): Promise<{ userId: string; department_ids: number[] }> {
    const { principal, input } = authenticatedInput(LabUserDepartmentsInput, request);
    const restricted = principal.loginType === 'doctor'
      || (principal.loginType === 'lab_user' && principal.departmentDataType !== null);
    if (restricted) throw new DomainException(403, 'FORBIDDEN', 'Not allowed to change department assignments');
    const departmentIds = [...new Set(input.department_ids)].sort((a, b) => a - b);
    await this.dataSource.transaction(async (manager) => {
      const s = `"${SCHEMA}"`;
      await manager.query(`DELETE FROM ${s}.lab_user_departments WHERE lab_id = $1 AND user_id = $2`, [principal.labId, input.userId]);
      for (const departmentId of departmentIds) {
        await manager.query(
          `INSERT INTO ${s}.lab_user_departments (lab_id, user_id, department_id) VALUES ($1,$2,$3)`,
          [principal.labId, input.userId, departmentId],
        );
      }
    });
    return { userId: input.userId, department_ids: departmentIds };
  }
}

import { Injectable } from '@nestjs/common';
import { CRITICAL_COMMANDS, LabUserDepartmentsInput } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { reportingError } from '../lab-reports/reporting.errors';
import { ReportingUnitOfWork } from '../lab-reports/reporting-unit-of-work';

/**
 * PUT /api-v3/lab-users/:userId/departments: the user's department relation (seed 001
 * LabUserDepartmentRelation), read for lab users with department_data_type 1. Replaces the whole set.
 * Only support or a lab user whose own reads are not department-restricted may change it, so a
 * restricted user cannot widen their own scope.
 */
@Injectable()
@HandlesCommand(CRITICAL_COMMANDS.setLabUserDepartments, LabUserDepartmentsInput)
export class SetLabUserDepartmentsUseCase {
  async execute(command: Command<LabUserDepartmentsInput>, unit: ReportingUnitOfWork): Promise<{ userId: string; department_ids: number[] }> {
    const { labId, principal, input } = command;
    const restricted = principal.loginType === 'doctor'
      || (principal.loginType === 'lab_user' && principal.departmentDataType !== null);
    if (restricted) throw reportingError('FORBIDDEN');
    const departmentIds = [...new Set(input.department_ids)].sort((a, b) => a - b);
    await unit.labUserDepartments.replace(labId, input.userId, departmentIds);
    return { userId: input.userId, department_ids: departmentIds };
  }
}

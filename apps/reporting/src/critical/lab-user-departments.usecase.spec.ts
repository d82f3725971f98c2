import { Principal, systemPrincipal } from '@labflow/contracts';
import { throughSeam } from '../in-memory-fixtures.fake';
import { failureOf, inMemoryReporting, inMemoryReportingUnit, LAB, labCommand, labUser } from '../in-memory-reporting.fake';
import { SetLabUserDepartmentsUseCase } from './lab-user-departments.usecase';

describe('SetLabUserDepartmentsUseCase', () => {
  const sut = new SetLabUserDepartmentsUseCase();

  it('replaces the user\'s set with the ids de-duplicated and sorted, in the caller\'s lab, publishing nothing', async () => {
    const unit = inMemoryReportingUnit();
    unit.labUserDepartments.sets.set(`${LAB}/9`, [8]);

    expect(await sut.execute(labCommand({ userId: '9', department_ids: [4, 2, 4, 3, 2] }), unit)).toEqual({ userId: '9', department_ids: [2, 3, 4] });

    expect([...unit.labUserDepartments.sets]).toEqual([[`${LAB}/9`, [2, 3, 4]]]);
    expect(unit.published).toEqual([]);
  });

  it('clears the set when given no departments (support)', async () => {
    const unit = inMemoryReportingUnit();
    const support: Principal = { ...systemPrincipal(LAB), loginType: 'support' };
    expect(await sut.execute({ ...labCommand({ userId: '9', department_ids: [] }), principal: support }, unit)).toEqual({ userId: '9', department_ids: [] });
    expect(unit.labUserDepartments.sets.get(`${LAB}/9`)).toEqual([]);
  });

  it.each([
    ['a doctor', { loginType: 'doctor' as const, docType: 0, departmentIds: [3] }],
    ['a lab user restricted to session departments', { departmentDataType: 0, departmentIds: [3] }],
    ['a lab user restricted by the user relation', { departmentDataType: 1 }],
  ])('refuses %s with 403 and writes nothing', async (_who, who) => {
    const unit = inMemoryReportingUnit();
    expect(await failureOf(sut.execute(labCommand({ userId: '7', department_ids: [3, 4] }, who), unit)))
      .toEqual({ status: 403, code: 'FORBIDDEN', message: 'Not allowed to change department assignments' });
    expect(unit.labUserDepartments.sets.size).toBe(0);
  });

  it('through the seam: a command answered 200, invalid input 400 and no caller 401, writing nothing', async () => {
    const repositories = inMemoryReporting();
    expect((await throughSeam(sut, { principal: labUser(), input: { userId: '9', department_ids: [3] } }, repositories)).reply)
      .toEqual({ ok: true, status: 200, body: { userId: '9', department_ids: [3] } });
    repositories.labUserDepartments.sets.clear();
    await expect(throughSeam(sut, { principal: labUser(), input: { userId: '9', department_ids: [0] } }, repositories)).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(throughSeam(sut, { principal: null, input: { userId: '9', department_ids: [3] } }, repositories)).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    expect(repositories.labUserDepartments.sets.size).toBe(0);
  });
});

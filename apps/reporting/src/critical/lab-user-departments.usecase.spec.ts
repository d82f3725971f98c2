import { DataSource, EntityManager } from 'typeorm';
import { CommandRequest, Principal, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { SetLabUserDepartmentsUseCase } from './lab-user-departments.usecase';

const LAB = 71;

class FakeManager {
  readonly queries: { sql: string; params: unknown[] }[] = [];
  async query(sql: string, params: unknown[]): Promise<unknown[]> {
    this.queries.push({ sql, params });
    return [];
  }
}

class FakeDataSource {
  readonly manager = new FakeManager();
  transactions = 0;
  async transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.transactions++;
    return fn(this.manager as unknown as EntityManager);
  }
}

const labUser = (who: Partial<Principal> = {}): Principal =>
  ({ ...systemPrincipal(LAB), sub: '7', loginType: 'lab_user', name: 'Admin', departmentDataType: null, ...who });

const request = (principal: Principal | null, input: object): CommandRequest => ({ principal, input });

async function failureOf(promise: Promise<unknown>): Promise<DomainException> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainException)) throw new Error(`expected a DomainException, got ${String(error)}`);
  return error;
}

describe('SetLabUserDepartmentsUseCase', () => {
  function setup() {
    const dataSource = new FakeDataSource();
    return { dataSource, sut: new SetLabUserDepartmentsUseCase(dataSource as unknown as DataSource) };
  }

  it('replaces the user\'s set in one transaction with the ids de-duplicated and sorted, scoped by the caller\'s lab', async () => {
    const { sut, dataSource } = setup();

    const result = await sut.execute(request(labUser(), { userId: '9', department_ids: [4, 2, 4, 3, 2] }));

    expect(result).toEqual({ userId: '9', department_ids: [2, 3, 4] });
    expect(dataSource.transactions).toBe(1);
    const [remove, ...inserts] = dataSource.manager.queries;
    expect(remove.sql).toMatch(/^DELETE FROM "reporting"\.lab_user_departments WHERE lab_id = \$1 AND user_id = \$2$/);
    expect(remove.params).toEqual([LAB, '9']);
    expect(inserts.every((q) => q.sql.startsWith('INSERT INTO "reporting".lab_user_departments'))).toBe(true);
    expect(inserts.map((q) => q.params)).toEqual([[LAB, '9', 2], [LAB, '9', 3], [LAB, '9', 4]]);
  });

  it('clears the set when given no departments', async () => {
    const { sut, dataSource } = setup();
    expect(await sut.execute(request({ ...systemPrincipal(LAB), loginType: 'support' }, { userId: '9', department_ids: [] })))
      .toEqual({ userId: '9', department_ids: [] });
    expect(dataSource.manager.queries.map((q) => q.params)).toEqual([[LAB, '9']]);
  });

  it.each([
    ['a doctor', labUser({ loginType: 'doctor', docType: 0, departmentIds: [3] })],
    ['a lab user restricted to session departments', labUser({ departmentDataType: 0, departmentIds: [3] })],
    ['a lab user restricted by the user relation', labUser({ departmentDataType: 1 })],
  ])('refuses %s with 403 and writes nothing', async (_who, principal) => {
    const { sut, dataSource } = setup();

    const error = await failureOf(sut.execute(request(principal, { userId: '7', department_ids: [3, 4] })));

    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN', message: 'Not allowed to change department assignments' });
    expect(dataSource.transactions).toBe(0);
    expect(dataSource.manager.queries).toEqual([]);
  });

  it('rejects invalid input with 400 and an unauthenticated call with 401, writing nothing', async () => {
    const { sut, dataSource } = setup();

    expect(await failureOf(sut.execute(request(labUser(), { userId: '9', department_ids: [0] })))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await failureOf(sut.execute(request(null, { userId: '9', department_ids: [3] })))).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    expect(dataSource.manager.queries).toEqual([]);
  });
});

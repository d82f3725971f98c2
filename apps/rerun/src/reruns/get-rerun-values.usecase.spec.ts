import { systemPrincipal } from '@labflow/contracts';
import { CommonConfig } from '@labflow/platform/config';
import { DomainException } from '@labflow/platform/kafka';
import { GetRerunValuesUseCase } from './get-rerun-values.usecase';
import { ReportingContextClient } from './reporting-context.client';
import { RerunLifecycleRepository } from './rerun-lifecycle.repository';

describe('GET sample-rerun guard (seed 000 §1)', () => {
  it('refuses with 503 and a clear message when DOCUMENT_DB_ENABLED is false, before any read', async () => {
    const config = Object.assign(new CommonConfig(), { DOCUMENT_DB_ENABLED: false });
    // Never reached: the guard answers first (a read would throw on these empty dependencies).
    const sut = new GetRerunValuesUseCase({} as RerunLifecycleRepository, {} as ReportingContextClient, config);
    const error = await sut.execute(systemPrincipal(1), { labReportId: 5 }, { labId: 1, correlationId: 'c', causationId: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ status: 503, code: 'DOCUMENT_DB_DISABLED', message: 'Sample rerun values are unavailable: the document store is not enabled (DOCUMENT_DB_ENABLED)' });
  });
});

import { RerunCancelled, RerunConfirmed, RerunRequestRecorded, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryVerificationUnit, LAB } from '../in-memory-verification.fake';
import { RerunCancelledUseCase, RerunConfirmedUseCase, RerunRequestedUseCase } from './track-rerun.usecase';

const at = (sequence: number) => ({ labId: LAB, labReportId: 20, lifecycleEpoch: 1_700_000_000_000, sequence });
const cmd = <T extends object>(e: T) => commandFor(systemPrincipal(LAB), e);

describe('rerun lifecycle use cases', () => {
  it('opens a rerun on request and closes it on confirmation or cancellation', async () => {
    const unit = inMemoryVerificationUnit();
    await new RerunRequestedUseCase().execute(cmd({ ...at(1), requestedAt: '2026-05-25T09:00:00.000Z', requestedParameters: [4] } as unknown as RerunRequestRecorded), unit);
    expect(await unit.reruns.openRerun(LAB, 20)).toEqual({ since: '2026-05-25T09:00:00.000Z', requestedParameters: [4] });
    await new RerunConfirmedUseCase().execute(cmd(at(2) as unknown as RerunConfirmed), unit);
    expect(await unit.reruns.openRerun(LAB, 20)).toBeNull();
    await new RerunRequestedUseCase().execute(cmd({ ...at(3), requestedAt: '2026-05-25T10:00:00.000Z', requestedParameters: [5] } as unknown as RerunRequestRecorded), unit);
    await new RerunCancelledUseCase().execute(cmd(at(4) as unknown as RerunCancelled), unit);
    expect(await unit.reruns.openRerun(LAB, 20)).toBeNull();
    expect(await unit.reruns.rerunReports(LAB, [20, 21])).toEqual(new Set([20]));
  });

  it('does not reopen a closed rerun for a late request', async () => {
    const unit = inMemoryVerificationUnit();
    await new RerunConfirmedUseCase().execute(cmd(at(3) as unknown as RerunConfirmed), unit);
    await new RerunRequestedUseCase().execute(cmd({ ...at(1), requestedAt: '2026-05-25T09:00:00.000Z', requestedParameters: [4] } as unknown as RerunRequestRecorded), unit);
    expect(await unit.reruns.openRerun(LAB, 20)).toBeNull();
  });
});

import { systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { entry, inMemoryAuditUnit } from '../in-memory-audit.fake';
import { RecordActivityUseCase } from './record-activity.usecase';

describe('RecordActivityUseCase', () => {
  it('stores the entry in the log and in the mirror, both under its envelope id', async () => {
    const unit = inMemoryAuditUnit();
    await new RecordActivityUseCase().execute(commandFor(systemPrincipal(61), entry(), 'env-1'), unit);
    expect([...unit.activityLog.rows.entries()]).toEqual([['env-1', entry()]]);
    expect([...unit.mirror.documents.keys()]).toEqual(['env-1']);
    expect(unit.published).toEqual([]);
  });

  it('keeps two entries of the same text apart: the id is the envelope\'s, not the content\'s', async () => {
    const unit = inMemoryAuditUnit();
    await new RecordActivityUseCase().execute(commandFor(systemPrincipal(61), entry(), 'env-1'), unit);
    await new RecordActivityUseCase().execute(commandFor(systemPrincipal(61), entry(), 'env-2'), unit);
    expect([...unit.activityLog.rows.keys()]).toEqual(['env-1', 'env-2']);
  });
});

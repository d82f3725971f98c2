import { OrderUpdated, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectOrderUpdatedUseCase } from './project-order-updated.usecase';

describe('ProjectOrderUpdatedUseCase', () => {
  it('writes the event into the projection once, as it came (the lab is the event\'s), publishing nothing', async () => {
    const projection = recordingProjection();
    const unit = inMemoryUnitOfWork({ projection, readModel: {} as never });
    const event = { labId: 41, orderId: "o-1", status: "resulted" } as unknown as OrderUpdated;
    await new ProjectOrderUpdatedUseCase().execute(commandFor(systemPrincipal(41), event), unit);
    expect(projection.calls).toEqual([{ method: 'saveOrderUpdated', args: [event] }]);
    expect(unit.published).toEqual([]);
  });
});

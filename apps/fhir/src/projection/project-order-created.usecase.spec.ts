import { OrderCreated, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectOrderCreatedUseCase } from './project-order-created.usecase';

describe('ProjectOrderCreatedUseCase', () => {
  it('writes the event into the projection once, as it came (the lab is the event\'s), publishing nothing', async () => {
    const projection = recordingProjection();
    const unit = inMemoryUnitOfWork({ projection, readModel: {} as never });
    const event = { labId: 41, orderId: "o-1" } as unknown as OrderCreated;
    await new ProjectOrderCreatedUseCase().execute(commandFor(systemPrincipal(41), event), unit);
    expect(projection.calls).toEqual([{ method: 'saveOrderCreated', args: [event] }]);
    expect(unit.published).toEqual([]);
  });
});

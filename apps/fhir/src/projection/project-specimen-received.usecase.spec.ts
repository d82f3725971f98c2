import { SpecimenReceived, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectSpecimenReceivedUseCase } from './project-specimen-received.usecase';

describe('ProjectSpecimenReceivedUseCase', () => {
  it('writes the event into the projection once, as it came (the lab is the event\'s), publishing nothing', async () => {
    const projection = recordingProjection();
    const unit = inMemoryUnitOfWork({ projection, readModel: {} as never });
    const event = { labId: 41, sampleId: "S1", receivedTime: "2026-05-25T08:00:00.000Z" } as unknown as SpecimenReceived;
    await new ProjectSpecimenReceivedUseCase().execute(commandFor(systemPrincipal(41), event), unit);
    expect(projection.calls).toEqual([{ method: 'saveReceived', args: [event] }]);
    expect(unit.published).toEqual([]);
  });
});

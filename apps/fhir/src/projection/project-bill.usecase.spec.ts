import { BillRegistered, systemPrincipal } from '@labflow/contracts';
import { commandFor, inMemoryUnitOfWork } from '@labflow/platform/handling';
import { recordingProjection } from '../in-memory-fhir.fake';
import { ProjectBillUseCase } from './project-bill.usecase';

describe('ProjectBillUseCase', () => {
  it('writes the event into the projection once, as it came (the lab is the event\'s), publishing nothing', async () => {
    const projection = recordingProjection();
    const unit = inMemoryUnitOfWork({ projection, readModel: {} as never });
    const event = { labId: 41, billId: 7, patient: { patientId: "p-1" }, samples: [], labReports: [] } as unknown as BillRegistered;
    await new ProjectBillUseCase().execute(commandFor(systemPrincipal(41), event), unit);
    expect(projection.calls).toEqual([{ method: 'saveBill', args: [event] }]);
    expect(unit.published).toEqual([]);
  });
});

import { clerkCommand, collectedSpecimen, failureOf, inMemorySpecimenUnit, PATIENT, SPECIMEN } from '../in-memory-specimen.fake';
import { GetSpecimenUseCase } from './get-specimen.usecase';

describe('GetSpecimenUseCase', () => {
  it('answers the specimen as stored', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    expect(await new GetSpecimenUseCase().execute(clerkCommand({ patientId: PATIENT, id: SPECIMEN }), unit))
      .toMatchObject({ id: SPECIMEN, patient_id: PATIENT, sample_id: 'S1', bill_id: 7, status: 'available', received_time: null });
  });

  it('is 404 not found for another patient\'s or another lab\'s specimen', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    for (const [patientId, who] of [[SPECIMEN, {}], [PATIENT, { labId: 52 }]] as const) {
      expect(await failureOf(new GetSpecimenUseCase().execute(clerkCommand({ patientId, id: SPECIMEN }, who), unit)))
        .toEqual({ status: 404, code: 'NOT_FOUND', message: 'not found' });
    }
  });
});

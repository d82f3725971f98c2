import { clerkCommand, collectedSpecimen, failureOf, inMemorySpecimenUnit, PATIENT, SPECIMEN } from '../in-memory-specimen.fake';
import { SetSpecimenStatusUseCase } from './set-specimen-status.usecase';

describe('SetSpecimenStatusUseCase', () => {
  it('sets the status and who changed it', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    const view = await new SetSpecimenStatusUseCase().execute(clerkCommand({ patientId: PATIENT, id: SPECIMEN, status: 'unsatisfactory' as const }), unit);
    expect(view).toMatchObject({ status: 'unsatisfactory', updated_by: 'clerk' });
    expect(unit.specimens.rows[0]).toMatchObject({ status: 'unsatisfactory', updated_by: 'clerk' });
  });

  it('leaves a specimen already in that status as it is', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    const view = await new SetSpecimenStatusUseCase().execute(clerkCommand({ patientId: PATIENT, id: SPECIMEN, status: 'available' as const }), unit);
    expect(view.updated_by).toBeNull();
  });

  it('is 404 for another lab\'s specimen', async () => {
    const unit = inMemorySpecimenUnit();
    await collectedSpecimen(unit);
    expect(await failureOf(new SetSpecimenStatusUseCase().execute(clerkCommand({ patientId: PATIENT, id: SPECIMEN, status: 'unavailable' as const }, { labId: 52 }), unit)))
      .toEqual({ status: 404, code: 'NOT_FOUND', message: 'not found' });
    expect(unit.specimens.rows[0].status).toBe('available');
  });
});

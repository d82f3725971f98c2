import { clerkCommand, failureOf, inMemorySpecimenUnit, LAB, PATIENT, SPECIMEN } from '../in-memory-specimen.fake';
import { GetJobUseCase } from './get-job.usecase';

describe('GetJobUseCase', () => {
  const job = { id: 'j-1', labId: LAB, specimenId: SPECIMEN, patientId: PATIENT, receivedTime: new Date(), requestedBy: 'clerk', correlationId: 'c', causationId: null };

  it('answers the job with its status, error and result', async () => {
    const unit = inMemorySpecimenUnit();
    const created = await unit.jobs.create(job);
    await unit.jobs.markFailed(created, { status: 422, message: 'Value is already set and cannot be changed' });
    expect(await new GetJobUseCase().execute(clerkCommand({ jobId: 'j-1' }), unit)).toMatchObject({
      id: 'j-1', type: 'specimen.set_received_time', status: 'failed', error: { status: 422, message: 'Value is already set and cannot be changed' }, result: null,
    });
  });

  it('is 404 for another lab\'s job', async () => {
    const unit = inMemorySpecimenUnit();
    await unit.jobs.create(job);
    expect(await failureOf(new GetJobUseCase().execute(clerkCommand({ jobId: 'j-1' }, { labId: 52 }), unit)))
      .toEqual({ status: 404, code: 'NOT_FOUND', message: 'not found' });
  });
});

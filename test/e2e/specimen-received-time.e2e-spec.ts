import { call, envelopeIsValid, freshLabId, TopicProbe } from '@labflow/testing';
import { billRegisteredPayload, closeRegistration, publishBillRegistered, registerBill } from './support/registration';
import { actionsPath, readSpecimen, settledJob, specimenLab, SpecimenLab, waitForSpecimens } from './support/specimen-fixtures';

/** seed 003: specimens come from registration; the received time is set once, through a durable job. */
describe('specimen received time: registration → PATCH → job → stored time → specimen.received', () => {
  const labId = freshLabId();
  let lab: SpecimenLab;
  let probe: TopicProbe;

  beforeAll(async () => {
    probe = await TopicProbe.start(['specimen.received']);
    lab = await specimenLab(labId);
  });
  afterAll(async () => {
    await probe.stop();
    await closeRegistration();
  });

  const receivedEvents = (specimenId: string) => probe.matching((m) => m.envelope.payload.specimenId === specimenId);

  it('stores one available specimen per sample of a registered bill, once even when the event is redelivered', async () => {
    const payload = billRegisteredPayload(labId, { samples: 2 });
    const envelopeId = await publishBillRegistered(payload);
    await publishBillRegistered(payload, envelopeId); // the relay may send an envelope twice
    const bill = { labId, billId: payload.billId, patientId: payload.patient.patientId, envelopeId, specimens: payload.samples };
    await waitForSpecimens(lab, bill);
    for (const sample of payload.samples) {
      expect(await readSpecimen(lab, payload.patient.patientId, sample.specimenId)).toEqual({
        id: sample.specimenId, patient_id: payload.patient.patientId, sample_id: sample.sampleId, bill_id: payload.billId,
        status: 'available', collected_time: new Date(sample.collectedAt).toISOString(), received_time: null,
        inserted_at: expect.any(String), updated_at: expect.any(String), updated_by: null,
      });
    }
    // another lab cannot see them
    const other = await specimenLab(freshLabId());
    const res = await call('GET', `/api/patients/${payload.patient.patientId}/specimens/${payload.samples[0].specimenId}`, { token: other.adminToken });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('not found');
  });

  it('answers 200 with a job; the job sets received_time, updated_at, updated_by and publishes specimen.received once', async () => {
    const bill = await registerBill(labId);
    await waitForSpecimens(lab, bill);
    const [specimen] = bill.specimens;
    const before = await readSpecimen(lab, bill.patientId, specimen.specimenId);
    const receivedTime = new Date(Date.now() - 5 * 60 * 1000);
    const offsetForm = toOffset(receivedTime, '+02:00');
    const token = await lab.userToken();

    const res = await call('PATCH', actionsPath(bill.patientId, specimen.specimenId), { token, body: { received_time: offsetForm } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'pending', links: [{ entity: 'job', href: `/api/jobs/${res.body.id}` }] });

    const job = await settledJob(token, res.body.id);
    expect(job).toMatchObject({ id: res.body.id, type: 'specimen.set_received_time', status: 'processed', error: null,
      result: { specimen_id: specimen.specimenId, received_time: receivedTime.toISOString() } });

    const after = await readSpecimen(lab, bill.patientId, specimen.specimenId);
    expect(after).toMatchObject({ received_time: receivedTime.toISOString(), updated_by: 'user-42', status: 'available' });
    expect(Date.parse(after.updated_at as string)).toBeGreaterThan(Date.parse(before.updated_at as string));

    const [event] = await probe.waitFor((m) => m.envelope.payload.specimenId === specimen.specimenId);
    expect(envelopeIsValid(event.envelope)).toEqual([]);
    expect(event.key).toBe(specimen.specimenId);
    expect(event.envelope).toMatchObject({ type: 'specimen.received', version: 1, labId, correlationId: res.headers.get('x-request-id') });
    expect(event.envelope.payload).toMatchObject({
      labId, specimenId: specimen.specimenId, patientId: bill.patientId, sampleId: specimen.sampleId,
      receivedTime: receivedTime.toISOString(), updatedBy: 'user-42', jobId: res.body.id,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(receivedEvents(specimen.specimenId)).toHaveLength(1);

    // seed 003: set once — a later request is refused at once, and nothing changes
    const again = await call('PATCH', actionsPath(bill.patientId, specimen.specimenId), { token, body: { received_time: new Date().toISOString() } });
    expect(again.status).toBe(422);
    expect(again.body.message).toBe('Value is already set and cannot be changed');
    expect(await readSpecimen(lab, bill.patientId, specimen.specimenId)).toEqual(after);
  });

  it('of two simultaneous valid requests exactly one sets the time; the other job fails with the 422 reason', async () => {
    const token = await lab.userToken();
    // Both requests pass the checks unless the first job happens to finish between the two (then the
    // second is refused at once, also correct): try a fresh specimen until both were accepted.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const bill = await registerBill(labId);
      await waitForSpecimens(lab, bill);
      const [specimen] = bill.specimens;
      const times = [new Date(Date.now() - 10 * 60 * 1000).toISOString(), new Date(Date.now() - 20 * 60 * 1000).toISOString()];
      const replies = await Promise.all(times.map((t) => call('PATCH', actionsPath(bill.patientId, specimen.specimenId), { token, body: { received_time: t } })));
      const accepted = replies.filter((r) => r.status === 200);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      for (const r of replies.filter((x) => x.status !== 200)) {
        expect({ status: r.status, message: r.body.message }).toEqual({ status: 422, message: 'Value is already set and cannot be changed' });
      }
      const jobs = await Promise.all(accepted.map((r) => settledJob(token, r.body.id)));
      const processed = jobs.filter((j) => j.status === 'processed');
      expect(processed).toHaveLength(1);
      const stored = await readSpecimen(lab, bill.patientId, specimen.specimenId);
      expect(stored.received_time).toBe(processed[0].result.received_time);
      await probe.waitFor((m) => m.envelope.payload.specimenId === specimen.specimenId);
      await new Promise((r) => setTimeout(r, 500));
      expect(receivedEvents(specimen.specimenId)).toHaveLength(1);
      expect(receivedEvents(specimen.specimenId)[0].envelope.payload.receivedTime).toBe(stored.received_time);
      if (accepted.length === 2) {
        const failed = jobs.filter((j) => j.status === 'failed');
        expect(failed).toHaveLength(1);
        expect(failed[0].error).toEqual({ status: 422, message: 'Value is already set and cannot be changed' });
        return;
      }
    }
    throw new Error('the two requests never both reached the job stage in 3 attempts');
  });

  it('shows another lab\'s job as 404', async () => {
    const bill = await registerBill(labId);
    await waitForSpecimens(lab, bill);
    const token = await lab.userToken();
    const res = await call('PATCH', actionsPath(bill.patientId, bill.specimens[0].specimenId), { token, body: { received_time: new Date(Date.now() - 1000).toISOString() } });
    expect(res.status).toBe(200);
    const other = await specimenLab(freshLabId());
    const seen = await call('GET', `/api/jobs/${res.body.id}`, { token: await other.userToken() });
    expect(seen.status).toBe(404);
    expect(seen.body.message).toBe('not found');
  });
});

/** The same instant written with an explicit offset, e.g. 2026-11-24T12:00:00.000+02:00. */
function toOffset(instant: Date, offset: '+02:00'): string {
  const shifted = new Date(instant.getTime() + 2 * 60 * 60 * 1000);
  return `${shifted.toISOString().slice(0, 23)}${offset}`;
}

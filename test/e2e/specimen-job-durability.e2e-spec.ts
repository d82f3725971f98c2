import { call, freshLabId, TopicProbe } from '@labflow/testing';
import { APP_PORTS, recordedPid, spawnApp, stopPid, waitForReady } from '@labflow/tools/dev';
import { TEST_APP_ENV } from '../app-test-env';
import { closeRegistration, registerBill } from './support/registration';
import { actionsPath, readSpecimen, specimenLab, SpecimenLab, waitForSpecimens } from './support/specimen-fixtures';

const READY = `http://127.0.0.1:${APP_PORTS.gateway}/health/ready`;

async function restartSpecimen(env: Record<string, string>, kill: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  const pid = recordedPid('specimen');
  if (pid) {
    if (kill === 'SIGKILL') process.kill(pid, 'SIGKILL');
    await stopPid(pid, 20_000);
  }
  spawnApp('specimen', { env: { ...TEST_APP_ENV, ...env } });
  await waitForReady(READY, 120_000);
}

/**
 * seed 003's job is durable: one accepted before a crash of the specimen app (SIGKILL, nothing
 * drained) is still pending afterwards and is applied once when the app is back.
 */
describe('specimen received-time job survives a crash of the app', () => {
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
    await restartSpecimen({}, 'SIGTERM'); // back to the normal settings for the other files
  }, 150_000);

  it('applies a job accepted before a SIGKILL after the restart, once', async () => {
    const bill = await registerBill(labId);
    await waitForSpecimens(lab, bill);
    const [specimen] = bill.specimens;
    const token = await lab.userToken();
    // A worker that sleeps for a minute after its first look: the job stays pending until the crash.
    await restartSpecimen({ JOB_POLL_MS: '60000' }, 'SIGTERM');

    const receivedTime = new Date(Date.now() - 60_000).toISOString();
    const res = await call('PATCH', actionsPath(bill.patientId, specimen.specimenId), { token, body: { received_time: receivedTime } });
    expect(res.status).toBe(200);
    const pending = await call('GET', `/api/jobs/${res.body.id}`, { token });
    expect(pending.body.status).toBe('pending');
    expect((await readSpecimen(lab, bill.patientId, specimen.specimenId)).received_time).toBeNull();

    await restartSpecimen({}, 'SIGKILL');

    const job = await call('GET', `/api/jobs/${res.body.id}`, { token });
    expect(job.body).toMatchObject({ status: 'processed', result: { specimen_id: specimen.specimenId, received_time: receivedTime } });
    expect((await readSpecimen(lab, bill.patientId, specimen.specimenId)).received_time).toBe(receivedTime);
    await probe.waitFor((m) => m.envelope.payload.specimenId === specimen.specimenId, 1, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.envelope.payload.specimenId === specimen.specimenId)).toHaveLength(1);
  }, 240_000);
});

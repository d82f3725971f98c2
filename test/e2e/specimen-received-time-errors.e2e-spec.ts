import { randomUUID } from 'node:crypto';
import { call, freshLabId, HttpResult, TopicProbe } from '@labflow/testing';
import { closeRegistration, registerBill, RegisteredBill } from './support/registration';
import {
  actionsPath, putLegalEntity, putParty, readSpecimen, specimenLab, SpecimenLab, waitForSpecimens,
} from './support/specimen-fixtures';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every row of seed 003's status table through the gateway, in the spec's order: each asserts the
 * status, the exact message, and that the specimen did not change and no event was published.
 */
describe('specimen received time: the status table of seed 003', () => {
  const labId = freshLabId();
  let lab: SpecimenLab;
  let probe: TopicProbe;
  let bill: RegisteredBill;
  let specimenId: string;
  const validTime = () => new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    probe = await TopicProbe.start(['specimen.received']);
    lab = await specimenLab(labId);
    bill = await registerBill(labId, { collectedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) });
    await waitForSpecimens(lab, bill);
    specimenId = bill.specimens[0].specimenId;
  });
  afterAll(async () => {
    await probe.stop();
    await closeRegistration();
  });

  /** Sends the PATCH and checks the answer and that nothing changed. */
  async function refused(token: string | undefined, status: number, message: string, options: { body?: unknown; patientId?: string; id?: string } = {}): Promise<HttpResult> {
    const before = await readSpecimen(lab, bill.patientId, specimenId);
    const res = await call('PATCH', actionsPath(options.patientId ?? bill.patientId, options.id ?? specimenId), {
      token, body: options.body ?? { received_time: validTime() },
    });
    expect({ status: res.status, message: res.body?.message }).toEqual({ status, message });
    expect(await readSpecimen(lab, bill.patientId, specimenId)).toEqual(before);
    expect(probe.matching((m) => m.envelope.payload.specimenId === specimenId)).toHaveLength(0);
    return res;
  }

  describe('401 Invalid access token', () => {
    it('without a token', async () => {
      const res = await refused(undefined, 401, 'Invalid access token');
      expect(res.headers.get('www-authenticate')).toContain('invalid_token');
    });
    it('with an expired token', async () => refused(await lab.userToken({}, '-10m'), 401, 'Invalid access token'));
    it('with a forged token', async () => refused(`${(await lab.userToken()).slice(0, -4)}AAAA`, 401, 'Invalid access token'));
  });

  it('403 without the specimen:process scope', async () => {
    await refused(await lab.userToken({ scope: 'specimen:read' }), 403, 'Your scope does not allow to access this resource. Missing allowances: specimen:process');
  });

  describe('403 party rules (BLOCK_UNVERIFIED_PARTY_USERS, BLOCK_DECEASED_PARTY_USERS on)', () => {
    it('refuses a party NOT_VERIFIED for longer than UNVERIFIED_PARTY_PERIOD_DAYS_ALLOWED', async () => {
      const partyId = randomUUID();
      await putParty(lab.adminToken, partyId, { verification_status: 'NOT_VERIFIED', updated_at: new Date(Date.now() - 45 * DAY).toISOString() });
      await refused(await lab.userToken({ party_id: partyId }), 403, 'Access denied. Party is not verified');
    });
    it('refuses a token whose party this lab has no record of', async () => {
      await refused(await lab.userToken({ party_id: randomUUID() }), 403, 'Access denied. Party is not verified');
    });
    it('refuses a party whose death was confirmed manually', async () => {
      const partyId = randomUUID();
      await putParty(lab.adminToken, partyId, { verification_status: 'VERIFIED', dracs_death_verification_status: 'VERIFIED', dracs_death_verification_reason: 'MANUAL_CONFIRMED' });
      await refused(await lab.userToken({ party_id: partyId }), 403, 'Access denied. Party is deceased');
    });
    it('checks the party before the resource: an unknown specimen still answers 403', async () => {
      const partyId = randomUUID();
      await putParty(lab.adminToken, partyId, { verification_status: 'VERIFIED', dracs_death_verification_status: 'VERIFIED', dracs_death_verification_reason: 'MANUAL_CONFIRMED' });
      await refused(await lab.userToken({ party_id: partyId }), 403, 'Access denied. Party is deceased', { id: randomUUID() });
    });
  });

  describe('404 not found', () => {
    it('for an unknown specimen', async () => refused(await lab.userToken(), 404, 'not found', { id: randomUUID() }));
    it('for an unknown patient', async () => refused(await lab.userToken(), 404, 'not found', { patientId: randomUUID() }));
    it('for a malformed id', async () => refused(await lab.userToken(), 404, 'not found', { id: 'not-a-uuid' }));
    it('for another lab\'s specimen', async () => {
      const other = await specimenLab(freshLabId());
      await refused(await other.userToken(), 404, 'not found');
    });
  });

  describe('409', () => {
    it('when the token\'s client_id legal entity is not active', async () => {
      const clientId = randomUUID();
      await putLegalEntity(lab.adminToken, clientId, 'SUSPENDED');
      await refused(await lab.userToken({ client_id: clientId }), 409, 'client_id refers to legal entity that is not active');
    });
    it('when the token\'s client_id is unknown or absent', async () => {
      await refused(await lab.userToken({ client_id: randomUUID() }), 409, 'client_id refers to legal entity that is not active');
      await refused(await lab.userToken({ client_id: undefined }), 409, 'client_id refers to legal entity that is not active');
    });
    it('when the specimen is not in available status', async () => {
      const other = await registerBill(labId);
      await waitForSpecimens(lab, other);
      const id = other.specimens[0].specimenId;
      const marked = await call('PUT', `/api/patients/${other.patientId}/specimens/${id}/status`, { token: lab.adminToken, body: { status: 'unsatisfactory' } });
      expect(marked.status).toBe(200);
      const before = await readSpecimen(lab, other.patientId, id);
      const res = await call('PATCH', actionsPath(other.patientId, id), { token: await lab.userToken(), body: { received_time: validTime() } });
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 409, message: 'Specimen is not in available status' });
      expect(await readSpecimen(lab, other.patientId, id)).toEqual(before);
    });
  });

  describe('422 Should be between collected datetime and current datetime', () => {
    it('for a time before collection', async () => {
      const early = new Date(Date.parse(bill.specimens[0].collectedAt) - 1000).toISOString();
      await refused(await lab.userToken(), 422, 'Should be between collected datetime and current datetime', { body: { received_time: early } });
    });
    it('for a time in the future', async () => {
      const later = new Date(Date.now() + 10 * 60_000).toISOString().replace('Z', '+00:00');
      await refused(await lab.userToken(), 422, 'Should be between collected datetime and current datetime', { body: { received_time: later } });
    });
  });

  describe('400 bad input', () => {
    it('refuses an unknown body field (mass assignment)', async () => {
      await refused(await lab.userToken(), 400, 'property updated_by should not exist', { body: { received_time: validTime(), updated_by: 'someone' } });
    });
    it('refuses a received_time without an offset, or missing', async () => {
      await refused(await lab.userToken(), 400, 'received_time must be an ISO 8601 date-time with an offset', { body: { received_time: '2026-11-24T08:00:00' } });
      await refused(await lab.userToken(), 400, 'received_time must be an ISO 8601 date-time with an offset', { body: {} });
    });
  });
});

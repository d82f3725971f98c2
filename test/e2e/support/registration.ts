import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { BillRegistered, newEnvelope, TOPICS, validatePayload } from '@labflow/contracts';

/**
 * Registration (the reporting app) publishes `bill.registered`. Until its endpoint is on main, the
 * specimen tests produce that event themselves, through the real broker, to this environment's topic.
 * Swap `registerBill`'s body for the registration endpoint later; its callers only see the fixture.
 */
export interface RegisteredSpecimen {
  specimenId: string;
  sampleId: string;
  collectedAt: string;
}

export interface RegisteredBill {
  labId: number;
  billId: number;
  patientId: string;
  specimens: RegisteredSpecimen[];
  envelopeId: string;
}

export interface RegisterBillOptions {
  /** Collection time of every sample; defaults to one hour ago. */
  collectedAt?: Date;
  samples?: number;
  patientId?: string;
}

let producer: Producer | null = null;

async function connectedProducer(): Promise<Producer> {
  if (producer) return producer;
  const kafka = new Kafka({ clientId: 'test-registration', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const created = kafka.producer({ allowAutoTopicCreation: false });
  await created.connect();
  producer = created;
  return created;
}

export async function closeRegistration(): Promise<void> {
  await producer?.disconnect();
  producer = null;
}

/** A valid `bill.registered` payload for one patient with `samples` collected samples. */
export function billRegisteredPayload(labId: number, options: RegisterBillOptions = {}): BillRegistered {
  const billId = Math.floor(Math.random() * 1_000_000_000) + 1;
  const collectedAt = (options.collectedAt ?? new Date(Date.now() - 60 * 60 * 1000)).toISOString();
  const samples = Array.from({ length: options.samples ?? 1 }, (_, i) => ({
    sampleId: `S${billId}-${i + 1}`, specimenId: randomUUID(), collectedAt, labReportIds: [billId * 10 + i],
  }));
  return {
    labId, billId,
    patient: { patientId: options.patientId ?? randomUUID(), name: 'Test Patient', dateOfBirth: '1980-02-29', gender: 'female' },
    samples,
    labReports: samples.map((s, i) => ({ labReportId: s.labReportIds[0], testId: 100 + i, testName: 'CBC', sampleId: s.sampleId })),
    registeredBy: '7',
    registeredAt: new Date().toISOString(),
  };
}

/** Publishes an envelope as the reporting app's outbox relay would (key = billId). */
export async function publishBillRegistered(payload: BillRegistered, envelopeId?: string): Promise<string> {
  const checked = validatePayload(TOPICS.billRegistered.payload, payload);
  if (checked.problems.length > 0) throw new Error(`invalid bill.registered fixture: ${checked.problems.join('; ')}`);
  const envelope = newEnvelope(TOPICS.billRegistered.name, TOPICS.billRegistered.version, payload, {
    labId: payload.labId, correlationId: randomUUID(), causationId: null,
  });
  if (envelopeId) envelope.id = envelopeId;
  const topic = `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${TOPICS.billRegistered.name}`;
  await (await connectedProducer()).send({
    topic, acks: -1,
    messages: [{ key: TOPICS.billRegistered.key(payload), value: JSON.stringify(envelope), headers: { 'message-id': envelope.id, 'message-type': envelope.type } }],
  });
  return envelope.id;
}

/** Registers a patient with samples; resolves once `ready` says the specimens can be used. */
export async function registerBill(labId: number, options: RegisterBillOptions = {}): Promise<RegisteredBill> {
  const payload = billRegisteredPayload(labId, options);
  const envelopeId = await publishBillRegistered(payload);
  return {
    labId, billId: payload.billId, patientId: payload.patient.patientId, envelopeId,
    specimens: payload.samples.map((s) => ({ specimenId: s.specimenId, sampleId: s.sampleId, collectedAt: s.collectedAt })),
  };
}

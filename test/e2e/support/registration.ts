import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { BillRegistered, newEnvelope, TOPICS, validatePayload } from '@labflow/contracts';
import { expectAnswer, gatewayApi } from '@labflow/tools/api-client';
import { GATEWAY_URL, tokenFor } from '@labflow/testing';
import { createTest } from '../lab-fixtures';

/**
 * Registration fixtures. `registerBill` goes through the gateway; `publishBillRegistered` produces the
 * event itself, for tests of the consumer's redelivery handling (the same envelope twice).
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
  /** Extra request headers of the registration (a caller's traceparent). */
  headers?: Record<string, string>;
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

/**
 * Registers a patient through the gateway, as the LIMS does: a test (report format) of the lab,
 * then `POST /api-v3/registrations`. The reporting app publishes `bill.registered` and the specimen
 * app consumes it (callers wait with `waitForSpecimens`).
 */
export async function registerBill(labId: number, options: RegisterBillOptions = {}): Promise<RegisteredBill> {
  const token = await tokenFor({ lab_id: labId });
  const testId = await createTest(token, false, 'CBC');
  const collectedAt = (options.collectedAt ?? new Date(Date.now() - 60 * 60 * 1000)).toISOString();
  const samples = Array.from({ length: options.samples ?? 1 }, (_, i) => ({ sampleId: `S${randomUUID().slice(0, 8)}-${i + 1}`, collectedAt }));
  const api = gatewayApi(GATEWAY_URL, token, options.headers);
  const registered = expectAnswer(await api.POST('/api-v3/registrations', {
    body: {
      patient: { name: 'Test Patient', dateOfBirth: '1980-02-29', gender: 'female' },
      bill: { doctorId: 21 },
      samples,
      tests: samples.map((sample) => ({ testId, sampleId: sample.sampleId })),
    },
  }), 201, 'registration');
  const specimenOf = new Map(registered.samples.map((x) => [x.sampleId, x.specimenId]));
  return {
    labId, billId: registered.billId, patientId: registered.patientId, envelopeId: '',
    specimens: samples.map((x) => ({ specimenId: specimenOf.get(x.sampleId) as string, sampleId: x.sampleId, collectedAt })),
  };
}

import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import {
  commandTopicOf, DeviceDataReceived, Envelope, newEnvelope, REPORT_READ_COMMANDS, TOPICS,
} from '@labflow/contracts';
import { principalFromClaims } from '@labflow/platform/auth';
import { call, eventually, freshLabId, ReceivedMessage, TopicProbe, tokenFor } from '@labflow/testing';
import { APP_PORTS } from '@labflow/tools/dev';
import { consumerLag, groupOf } from '../faults/support/fault-kit';
import { createTest, registerPatient } from './lab-fixtures';

/**
 * Fault scenario 5: poison messages on real consumed topics, produced with a plain Kafka client.
 * On device.data.received (consumed by reporting and rerun): an analyzer result for a lab report
 * that does not exist (reporting keeps rejecting it), a payload that fails validation, and an
 * envelope of a type that is not this topic's; on reporting.commands: a command no handler knows.
 * Then a valid message on the SAME partition (same key). Each poison message must be in
 * `<topic>.dlq` with its reason and error, after the configured attempts; the valid message after
 * it applied; every group's lag back to zero; and the DLQ counter on /metrics moved by as many.
 */
const PREFIX = process.env.KAFKA_TOPIC_PREFIX ?? '';
const MAX_ATTEMPTS = Number(process.env.KAFKA_MAX_ATTEMPTS ?? 3);
const DEVICE_TOPIC = TOPICS.deviceDataReceived.name;
const COMMANDS = commandTopicOf('reporting');

type Counters = Record<string, number>;

/** labflow_dead_letters_total of one app, by `<physical topic>|<reason>`. */
async function deadLetterCounters(app: 'reporting' | 'rerun'): Promise<Counters> {
  const text = await (await fetch(`http://127.0.0.1:${APP_PORTS[app]}/metrics`)).text();
  const counters: Counters = {};
  for (const line of text.split('\n')) {
    const m = /^labflow_dead_letters_total\{([^}]*)\}\s+([\d.e+]+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    counters[`${labels.topic}|${labels.reason}`] = Number(m[2]);
  }
  return counters;
}

const delta = (before: Counters, after: Counters) => Object.fromEntries(
  Object.keys(after).filter((k) => after[k] !== (before[k] ?? 0)).map((k) => [k, after[k] - (before[k] ?? 0)]),
);

describe('poison messages and messages no handler matches go to the DLQ; the partition keeps moving (fault 5)', () => {
  const labId = freshLabId();
  const sampleId = `P${labId}`;
  let producer: Producer;
  let probe: TopicProbe;
  let token: string;
  let labReportId: number;
  let testId: number;

  const deviceEvent = (payload: unknown, type = DEVICE_TOPIC): Envelope =>
    newEnvelope(type, TOPICS.deviceDataReceived.version, payload, { labId, correlationId: randomUUID(), causationId: null });
  const analyzerResult = (reportId: number, value: number): DeviceDataReceived => ({
    resultId: randomUUID(), labId, sampleId, deviceId: 1, deviceName: 'Poison Analyzer', labReportIds: [reportId], testFlags: [],
    values: [{ labReportId: reportId, testId, index: 4, testName: 'HGB', value: String(value), numericValue: value, paramFlags: [], interpretation: [] }],
    receivedAt: new Date().toISOString(),
  });
  const send = async (topic: string, key: string, envelope: Envelope, headers: Record<string, string> = {}) => {
    const [meta] = await producer.send({
      topic: `${PREFIX}${topic}`, acks: -1,
      messages: [{ key, value: JSON.stringify(envelope), headers: { 'message-id': envelope.id, 'message-type': envelope.type, ...headers } }],
    });
    return { partition: meta.partition, offset: Number(meta.baseOffset) };
  };
  const letterOf = (id: string) => (m: ReceivedMessage) => m.envelope?.id === id;

  beforeAll(async () => {
    const kafka = new Kafka({ clientId: 'test-poison', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    probe = await TopicProbe.start([`${DEVICE_TOPIC}.dlq`, `${COMMANDS}.dlq`, 'gateway.replies'], { from: 'now' });
    token = await tokenFor({ lab_id: labId });
    testId = await createTest(token, false);
    labReportId = (await registerPatient(token, sampleId, [testId])).labReports[0].labReportId;
  });
  afterAll(async () => {
    await producer.disconnect();
    await probe.stop();
  });

  it('dead-letters each poison message after the configured attempts and applies the valid one behind it', async () => {
    const started = Date.now();
    const metricsBefore = { reporting: await deadLetterCounters('reporting'), rerun: await deadLetterCounters('rerun') };
    const key = `${labId}:${sampleId}`;
    const missingReport = deviceEvent(analyzerResult(2_100_000_000 + Math.floor(Math.random() * 1e6), 6.1));
    const invalidPayload = deviceEvent({ ...analyzerResult(labReportId, 6.2), labReportIds: 'all' });
    const foreignType = deviceEvent(analyzerResult(labReportId, 6.3), 'device.data.corrected');
    const valid = deviceEvent(analyzerResult(labReportId, 13.7));
    const positions = [];
    for (const envelope of [missingReport, invalidPayload, foreignType, valid]) positions.push(await send(DEVICE_TOPIC, key, envelope));

    // a command no handler matches, then a valid command, on one partition of reporting.commands
    const commandKey = String(labReportId);
    const principal = principalFromClaims({ sub: '7', lab_id: labId, login_type: 'lab_user' });
    const unknownCommand = newEnvelope('reporting.report.teleport', 1, { principal, input: { labReportId } }, { labId, correlationId: randomUUID(), causationId: null });
    const read = newEnvelope(REPORT_READ_COMMANDS.reportEntry.pattern, 1, { principal, input: { labReportId, isSigned: 0 } }, { labId, correlationId: randomUUID(), causationId: null });
    const commandPositions = [
      await send(COMMANDS, commandKey, unknownCommand, { 'reply-to': 'gateway.replies' }),
      await send(COMMANDS, commandKey, read, { 'reply-to': 'gateway.replies' }),
    ];
    expect(new Set(positions.map((p) => p.partition)).size).toBe(1);
    expect(new Set(commandPositions.map((p) => p.partition)).size).toBe(1);

    // the valid analyzer result behind the poison is applied (reporting) ...
    const entry = await eventually(
      () => call('GET', `/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`, { token }),
      (r) => r.status === 200 && r.body.value.some((v: { index: number; value: string }) => v.index === 4 && Number(v.value) === 13.7),
      60_000,
    );
    expect(entry.body.value.filter((v: { index: number }) => v.index === 4)).toHaveLength(1);
    // ... and the valid command behind the unknown one is answered; the unknown one is answered 501
    const [answered] = await probe.waitFor((m) => m.topic === 'gateway.replies' && m.headers['request-id'] === read.id);
    expect(answered.envelope).toMatchObject({ ok: true, status: 200 });
    const [refused] = await probe.waitFor((m) => m.topic === 'gateway.replies' && m.headers['request-id'] === unknownCommand.id);
    expect(refused.envelope).toMatchObject({ ok: false, status: 501, error: { code: 'NO_HANDLER' } });

    const reporting = groupOf('reporting');
    const rerun = groupOf('rerun');
    const expected: { envelope: Envelope; group: string; reason: string; attempts: number; error: string }[] = [
      { envelope: missingReport, group: reporting, reason: 'handler-failed', attempts: MAX_ATTEMPTS, error: 'not found' },
      { envelope: invalidPayload, group: reporting, reason: 'invalid-payload', attempts: 1, error: 'labReportIds' },
      { envelope: invalidPayload, group: rerun, reason: 'invalid-payload', attempts: 1, error: 'labReportIds' },
      { envelope: foreignType, group: reporting, reason: 'invalid-envelope', attempts: 1, error: 'does not belong to topic' },
      { envelope: foreignType, group: rerun, reason: 'invalid-envelope', attempts: 1, error: 'does not belong to topic' },
      { envelope: unknownCommand, group: groupOf('reporting', 'commands'), reason: 'no-handler', attempts: 1, error: 'no handler for reporting.report.teleport' },
    ];
    const letters = [];
    for (const e of expected) {
      const [letter] = await probe.waitFor((m) => letterOf(e.envelope.id)(m) && m.headers['dlq-consumer-group'] === e.group, 1, 30_000);
      expect({ group: e.group, reason: letter.headers['dlq-reason'], attempts: Number(letter.headers['dlq-attempts']) })
        .toEqual({ group: e.group, reason: e.reason, attempts: e.attempts });
      expect(letter.headers['dlq-error']).toContain(e.error);
      expect(letter.headers['dlq-original-topic']).toBe(`${PREFIX}${e.envelope.type.startsWith('reporting.') ? COMMANDS : DEVICE_TOPIC}`);
      letters.push(letter);
    }
    // nothing else of this lab was dead-lettered: the rerun app decides on a missing report itself, the valid messages are not letters
    await new Promise((r) => setTimeout(r, 500));
    expect(probe.matching((m) => m.topic.endsWith('.dlq') && m.envelope?.labId === labId)).toHaveLength(expected.length);

    const lagWait = Date.now();
    await eventually(() => consumerLag([reporting, rerun], [DEVICE_TOPIC]), (lag) => lag === 0, 30_000, 200);
    await eventually(() => consumerLag([groupOf('reporting', 'commands')], [COMMANDS]), (lag) => lag === 0, 30_000, 200);
    const lagMs = Date.now() - lagWait;

    const metrics = await eventually(async () => ({
      reporting: delta(metricsBefore.reporting, await deadLetterCounters('reporting')),
      rerun: delta(metricsBefore.rerun, await deadLetterCounters('rerun')),
    }), (m) => Object.keys(m.reporting).length === 4 && Object.keys(m.rerun).length === 2);
    expect(metrics).toEqual({
      reporting: {
        [`${PREFIX}${DEVICE_TOPIC}|handler-failed`]: 1, [`${PREFIX}${DEVICE_TOPIC}|invalid-payload`]: 1,
        [`${PREFIX}${DEVICE_TOPIC}|invalid-envelope`]: 1, [`${PREFIX}${COMMANDS}|no-handler`]: 1,
      },
      rerun: { [`${PREFIX}${DEVICE_TOPIC}|invalid-payload`]: 1, [`${PREFIX}${DEVICE_TOPIC}|invalid-envelope`]: 1 },
    });

    const counts = {
      produced: { poison: 4, valid: 2 },
      deadLettered: letters.length,
      byReason: letters.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.headers['dlq-reason']]: (acc[l.headers['dlq-reason']] ?? 0) + 1 }), {}),
      attemptsBeforeDlq: Number(letters[0].headers['dlq-attempts']),
      validApplied: 2,
      partitionMovedPast: { [DEVICE_TOPIC]: positions[3].offset, [COMMANDS]: commandPositions[1].offset },
      lagAfter: 0,
      lagZeroWithinMs: lagMs,
      dlqMetric: Object.values(metrics.reporting).reduce((s, n) => s + n, 0) + Object.values(metrics.rerun).reduce((s, n) => s + n, 0),
      totalMs: Date.now() - started,
    };
    console.log('[fault:poison] ' + JSON.stringify(counts));
  });
});

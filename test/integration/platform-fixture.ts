import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeviceRegistered, newEnvelope, TOPICS } from '@labflow/contracts';
import { platformTablesSql } from '@labflow/platform/kafka';
import { eventually } from '@labflow/testing';

/** The environment's stores and topic prefix (test/load-environment.ts sets them per LABFLOW_ENV). */
export const PG_URL = process.env.POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/labflow';
export const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const PREFIX = process.env.KAFKA_TOPIC_PREFIX ?? '';

/** A schema of the test's own with the platform's tables (outbox, inbox) and an `applied` table of what a handler did. */
export async function openTestSchema(schema: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url: PG_URL });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of platformTablesSql(schema)) await dataSource.query(sql);
  await dataSource.query(`CREATE TABLE "${schema}".applied (id serial PRIMARY KEY, message_id uuid NOT NULL, name text NOT NULL)`);
  return dataSource;
}

export async function dropTestSchema(dataSource: DataSource, schema: string): Promise<void> {
  await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await dataSource.destroy();
}

/** The topic is shared with every earlier run: a test's group starts at its current end. */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })) });
  } finally {
    await admin.disconnect();
  }
}

/** A `device.registered` payload of the lab, named so a test can find what its handler applied. */
export const deviceOf = (labId: number, name: string): DeviceRegistered =>
  ({ deviceId: Math.floor(Math.random() * 1e9), labId, name, registeredAt: new Date().toISOString() });

export const deviceEnvelope = (labId: number, payload: DeviceRegistered) =>
  newEnvelope(TOPICS.deviceRegistered.name, 1, payload, { labId, correlationId: randomUUID(), causationId: null });

/** The names the test handler applied, in order (the schema's `applied` table). */
export async function appliedNames(dataSource: DataSource, schema: string): Promise<string[]> {
  return (await dataSource.query(`SELECT name FROM "${schema}".applied ORDER BY id`)).map((r: { name: string }) => r.name);
}

/** Waits up to 30 s for `check` to hold. */
export const until = (check: () => Promise<boolean>) => eventually(check, (ok) => ok, 30_000, 100);

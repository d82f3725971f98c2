import { DataPartialFromDeviceResult, DeviceDataReceived, MessageContext, Principal, systemPrincipal } from '@labflow/contracts';
import { commandFor, failureOf as answered, inMemoryUnitOfWork, RepositoryOf } from '@labflow/platform/handling';
import { ReportingTestsClient } from '@labflow/platform/service';
import { ConnectionAddress, ConnectionRecord, DeviceConnectionRepository, StoredConnection } from './connections/device-connection.repository';
import { DeviceIngestionRepositories } from './device-ingestion-unit-of-work';
import { DEVICE_ERRORS } from './device-ingestion.errors';
import { DeviceRecord, DeviceRepository } from './devices/device.repository';
import { DevicePayloadRepository, PayloadClaim } from './ingestion/device-payload.repository';
import { IngestionContext, IngestionContextRepository } from './ingestion/ingestion-context.repository';
import { StoredMapping } from './mappings/mapping-functions';
import { MappingRepository } from './mappings/mapping.repository';
import { SampleOwnerClient } from './samples/sample-owner.client';
import { SampleReportsResolver } from './samples/sample-reports.resolver';
import { SampleReport, SampleRepository } from './samples/sample.repository';

export const LAB = 11957;

/** The device-ingestion tables in memory, shared by the fake repositories (an upload's context reads them all). */
export class DeviceIngestionTables {
  readonly devices: (DeviceRecord & { authHash: string; flagTable: Record<string, string> })[] = [];
  readonly mappings: StoredMapping[] = [];
  readonly sampleReports: (SampleReport & { labId: number; sampleId: string })[] = [];
  readonly payloads = new Map<string, PayloadClaim>();
  /** device.data.received events written with their payload (the guarded statement's outbox rows). */
  readonly dataEvents: { payload: DeviceDataReceived; cause: MessageContext }[] = [];
  readonly connections: (StoredConnection & { updatedAt: Date })[] = [];
}

export class InMemoryDeviceRepository implements RepositoryOf<DeviceRepository> {
  constructor(private readonly t: DeviceIngestionTables) {}

  async insert(d: { labId: number; name: string; authHash: string }): Promise<DeviceRecord> {
    const row = { id: this.t.devices.length + 1, labId: d.labId, name: d.name, createdAt: new Date('2026-01-02T03:04:05.000Z'), authHash: d.authHash, flagTable: {} };
    this.t.devices.push(row);
    return { id: row.id, labId: row.labId, name: row.name, createdAt: row.createdAt };
  }

  async findById(labId: number, id: number): Promise<DeviceRecord | null> {
    const d = this.t.devices.find((x) => x.labId === labId && x.id === id);
    return d ? { id: d.id, labId: d.labId, name: d.name, createdAt: d.createdAt } : null;
  }
}

export class InMemoryMappingRepository implements RepositoryOf<MappingRepository> {
  constructor(private readonly t: DeviceIngestionTables) {}

  async upsert(m: Omit<StoredMapping, 'id'>): Promise<StoredMapping> {
    const found = this.t.mappings.find((x) => x.deviceId === m.deviceId && x.testId === m.testId);
    if (found) return { ...Object.assign(found, { functionName: m.functionName, parameters: m.parameters }) };
    const row = { ...m, id: this.t.mappings.length + 31 };
    this.t.mappings.push(row);
    return { ...row };
  }

  async setFlagTable(labId: number, deviceId: number, table: Record<string, string>): Promise<void> {
    const d = this.t.devices.find((x) => x.labId === labId && x.id === deviceId);
    if (d) d.flagTable = { ...table };
  }

  async flagTable(labId: number, deviceId: number): Promise<Record<string, string>> {
    return { ...(this.t.devices.find((x) => x.labId === labId && x.id === deviceId)?.flagTable ?? {}) };
  }
}

export class InMemorySampleRepository implements RepositoryOf<SampleRepository> {
  constructor(private readonly t: DeviceIngestionTables) {}

  async addAll(labId: number, sampleId: string, reports: readonly SampleReport[]): Promise<void> {
    for (const r of reports) {
      if (!this.t.sampleReports.some((x) => x.labReportId === r.labReportId)) this.t.sampleReports.push({ ...r, labId, sampleId });
    }
  }
}

export class InMemoryIngestionContextRepository implements RepositoryOf<IngestionContextRepository> {
  readonly lookups: { authHash: string; labId: number; sampleId: string }[] = [];

  constructor(private readonly t: DeviceIngestionTables) {}

  async forUpload(authHash: string, labId: number, sampleId: string): Promise<IngestionContext | null> {
    this.lookups.push({ authHash, labId, sampleId });
    const d = this.t.devices.find((x) => x.authHash === authHash && x.labId === labId);
    if (!d) return null;
    return {
      device: { id: d.id, labId: d.labId, name: d.name },
      mappings: this.t.mappings.filter((m) => m.labId === labId && m.deviceId === d.id).map((m) => ({ ...m })),
      flagTable: { ...d.flagTable },
      reports: this.t.sampleReports.filter((r) => r.labId === labId && r.sampleId === sampleId)
        .map((r) => ({ labReportId: r.labReportId, testId: r.testId, billId: r.billId })),
    };
  }
}

/** The payloads table with its guard: a key is stored once, with its event, or (a repeat) neither. */
export class InMemoryDevicePayloadRepository implements RepositoryOf<DevicePayloadRepository> {
  constructor(private readonly t: DeviceIngestionTables) {}

  async acceptOnce(claim: PayloadClaim, event: DeviceDataReceived, cause: MessageContext): Promise<boolean> {
    if (this.t.payloads.has(claim.key)) return false;
    this.t.payloads.set(claim.key, JSON.parse(JSON.stringify(claim)));
    this.t.dataEvents.push({ payload: event, cause });
    return true;
  }

  async response(key: string): Promise<DataPartialFromDeviceResult | null> {
    return this.t.payloads.get(key)?.response ?? null;
  }
}

/** Connections by device, joined to their device's name as the store does. */
export class InMemoryDeviceConnectionRepository implements RepositoryOf<DeviceConnectionRepository> {
  constructor(private readonly t: DeviceIngestionTables) {}

  async upsert(c: StoredConnection): Promise<ConnectionRecord | null> {
    const updatedAt = new Date('2026-01-02T03:04:05.000Z');
    const at = this.t.connections.findIndex((x) => x.deviceId === c.deviceId);
    if (at >= 0) this.t.connections[at] = { ...c, updatedAt };
    else this.t.connections.push({ ...c, updatedAt });
    return this.find(c.labId, c.deviceId);
  }

  async find(labId: number, deviceId: number): Promise<ConnectionRecord | null> {
    const c = this.t.connections.find((x) => x.labId === labId && x.deviceId === deviceId);
    const device = this.t.devices.find((d) => d.id === deviceId);
    return c && device ? { ...c, deviceName: device.name } : null;
  }

  async deviceAt(a: ConnectionAddress, exceptDeviceId: number): Promise<number | null> {
    return this.t.connections.find((x) => x.labId === a.labId && x.bridge === a.bridge && x.mode === a.mode && x.host === a.host
      && x.port === a.port && x.deviceId !== exceptDeviceId)?.deviceId ?? null;
  }

  async remove(labId: number, deviceId: number): Promise<ConnectionRecord | null> {
    const found = await this.find(labId, deviceId);
    if (found) this.t.connections.splice(this.t.connections.findIndex((x) => x.deviceId === deviceId), 1);
    return found;
  }

  async forDeviceAuth(authHash: string, labId: number): Promise<{ deviceId: number | null; connection: ConnectionRecord | null }> {
    const device = this.t.devices.find((d) => d.authHash === authHash && d.labId === labId);
    return device ? { deviceId: device.id, connection: await this.find(labId, device.id) } : { deviceId: null, connection: null };
  }
}

export function inMemoryRepositories(t = new DeviceIngestionTables()) {
  return {
    devices: new InMemoryDeviceRepository(t), mappings: new InMemoryMappingRepository(t), samples: new InMemorySampleRepository(t),
    contexts: new InMemoryIngestionContextRepository(t), payloads: new InMemoryDevicePayloadRepository(t),
    connections: new InMemoryDeviceConnectionRepository(t),
  } satisfies DeviceIngestionRepositories;
}

/** A unit of work over the tables `t` (fresh ones by default): the fakes, and the events published in memory. */
export function inMemoryDeviceIngestionUnit(t = new DeviceIngestionTables()) {
  return Object.assign(inMemoryUnitOfWork(inMemoryRepositories(t)), { tables: t });
}

export const labAdmin = (labId = LAB): Principal => ({ ...systemPrincipal(labId), sub: 'admin-1', loginType: 'lab_user' });
export const adminCommand = <I extends object>(input: I, messageId?: string) => commandFor(labAdmin(), input, messageId);

/** A domain error as the caller is answered, through the app's table. */
export const failureOf = (promise: Promise<unknown>) => answered(DEVICE_ERRORS, promise);

/** Reporting answering a test's parameter indexes (or refusing, when `answer` throws), and what it was asked. */
export function reportingAnswering(answer: (testId: number) => number[]) {
  const asked: { principal: Principal; testId: number; cause: unknown }[] = [];
  const client = {
    async parameterIndexesOf(principal: Principal, testId: number, cause: unknown): Promise<number[]> {
      asked.push({ principal, testId, cause });
      return answer(testId);
    },
  };
  return { client: client as unknown as ReportingTestsClient, asked };
}

/** Reporting answering a sample's lab reports (the owner of registrations), and what it was asked. */
export function ownerAnswering(reports: SampleReport[]) {
  const asked: { labId: number; sampleId: string; cause: unknown }[] = [];
  const owner = {
    async labReportsOf(labId: number, sampleId: string, cause: unknown): Promise<SampleReport[]> {
      asked.push({ labId, sampleId, cause });
      return reports;
    },
  };
  return { resolver: new SampleReportsResolver(owner as unknown as SampleOwnerClient), asked };
}

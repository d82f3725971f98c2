import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@labflow/contracts';
import { currentEnvironment } from './environment';
import { runningApps, storesOf } from './environment-stores';

describe('storesOf', () => {
  it("names a named environment's database, document database and indexes, and only its prefixed topics", () => {
    const stores = storesOf(currentEnvironment({ LABFLOW_ENV: 's9' }));
    expect(stores.postgresDatabase).toBe('labflow_s9');
    expect(stores.mongoDatabase).toBe('labflow_s9');
    expect(stores.indices).toEqual(['labflow-s9-lab-reports', 'labflow-s9-activity-log']);
    expect(stores.ownsTopic(`s9.${TOPICS.deviceRegistered.name}`)).toBe(true);
    expect(stores.ownsTopic(`s9api.${TOPICS.deviceRegistered.name}`)).toBe(false);
    expect(stores.ownsTopic(TOPICS.deviceRegistered.name)).toBe(false);
  });

  it("never gives an environment named like a catalog domain the default environment's topics", () => {
    const stores = storesOf(currentEnvironment({ LABFLOW_ENV: 'device' }));
    expect(TOPICS.deviceRegistered.name.startsWith('device.')).toBe(true);
    expect(stores.ownsTopic(TOPICS.deviceRegistered.name)).toBe(false);
    expect(stores.ownsTopic(`device.${TOPICS.deviceRegistered.name}`)).toBe(true);
  });

  it('gives the default environment only the catalog topics without a prefix, never another environment\'s', () => {
    const stores = storesOf(currentEnvironment({}));
    expect(stores.postgresDatabase).toBe('labflow');
    expect(stores.indices).toEqual(['labflow-lab-reports', 'labflow-activity-log']);
    expect(stores.ownsTopic(TOPICS.deviceRegistered.name)).toBe(true);
    expect(stores.ownsTopic(`ci.${TOPICS.deviceRegistered.name}`)).toBe(false);
    expect(stores.ownsTopic('__consumer_offsets')).toBe(false);
  });
});

describe('runningApps', () => {
  it('lists an app whose recorded pid is alive, and not one whose pid is gone', () => {
    const home = mkdtempSync(join(tmpdir(), 'labflow-stores-'));
    const env = currentEnvironment({ LABFLOW_ENV: 'probe', LABFLOW_HOME: home });
    expect(runningApps(env)).toEqual([]);
    mkdirSync(env.runDir, { recursive: true });
    writeFileSync(join(env.runDir, 'app-gateway.pid'), String(process.pid));
    writeFileSync(join(env.runDir, 'app-audit.pid'), '2147483646');
    expect(runningApps(env)).toEqual(['gateway']);
  });
});

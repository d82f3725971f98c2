import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { AppName, commandTopicOf, TOPICS } from '@labflow/contracts';
import { installLibraryPatches } from '@labflow/platform/patches';
import { currentEnvironment, REPO_ROOT, spawnApp, startApps, stopApps, stopPid, waitForReady } from '../dev';
import { waitForDrain, waitForQuiet } from './drain';
import { gatewayRoundTrips, GatewayRun, warmUpBroker } from './gateway';
import { sleep } from './http';
import { ingestAtRate, IngestRun } from './ingest';
import { PANEL, setUpLab } from './lab';
import { RawIngestBaseline, RawRun } from './raw-baseline';
import { consistencyTable, gatewayTable, goalsTable, ingestTable, ScaleOutRun, scaleOutTable, writeResults } from './report';
import { assignment, drainedCount, ValuesUpdatedCounter } from './scale-out';
import { CatchUp, saveCbcRuleSet, VERIFICATION, verificationCostTable } from './verification';

/**
 * `npm run bench`: starts the apps of LABFLOW_ENV, sets labs up through the gateway, measures the
 * three scenarios of issue 9 next to baselines measured in the same run (and the ingest rates with
 * verification's consumer absent, issue 21), prints the tables and
 * writes them to docs/performance.md. BENCH_SECONDS / BENCH_RATES / BENCH_SCENARIOS (ingest,gateway,scale)
 * shorten or narrow the runs (a narrowed run is printed, not written).
 */
const ENV = currentEnvironment();
const GATEWAY = ENV.gatewayUrl;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// 1× is a large lab's sustained rate (issue 9: "a few results per second"): 5 results/s = 0.5 panels/s.
const RATES = (process.env.BENCH_RATES ?? '0.5,5,50,500').split(',').map(Number);
const ANALYZERS = Number(process.env.BENCH_ANALYZERS ?? 32);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);
const SCALE_RATE = Number(process.env.BENCH_SCALE_RATE ?? 600);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 40);
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? 'ingest,gateway,scale').split(','));
const SCALED: AppName[] = ['reporting', 'device-ingestion'];
const freshLabId = () => 2_000_000_000 + Math.floor(Math.random() * 100_000_000);
const log = (line: string) => console.log(`[bench] ${line}`);
// Rate limits raised, not off: the bench measures the pipeline (with the counting), not the limit.
const APP_ENV = { RATE_LIMIT_PER_CALLER: '10000000', RATE_LIMIT_PER_DEVICE: '10000000' };
/** The A/B of the gateway restarts it: only when this run started it. */
let gatewayIsOurs = false;
/** The verification on/off rows stop and restart it: only when this run started it. */
let verificationIsOurs = false;

async function main(): Promise<void> {
  installLibraryPatches(); // the baselines (this process) run with the apps' patches
  const started = startApps({ env: APP_ENV });
  const ours = [...started].filter(([, p]) => typeof p !== 'number').map(([app]) => app);
  gatewayIsOurs = ours.includes('gateway');
  verificationIsOurs = ours.includes(VERIFICATION);
  log(`apps of '${ENV.name}': started ${ours.length}, reused ${started.size - ours.length}; waiting for readiness`);
  await waitForReady(`${GATEWAY}/health/ready`);
  const extra: ChildProcess[] = [];
  try {
    const sections = await measure(extra);
    if (SCENARIOS.size < 3) return;
    const doc = join(REPO_ROOT, 'docs', 'performance.md');
    writeResults(doc, sections);
    log(`written to ${doc}`);
  } finally {
    await Promise.all(extra.map((c) => (c.pid ? stopPid(c.pid, 20_000) : undefined)));
    await stopApps(ours);
  }
}

async function measure(extra: ChildProcess[]): Promise<string> {
  const kafka = new Kafka({ clientId: 'bench', brokers: (ENV.variables.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const prefix = ENV.variables.KAFKA_TOPIC_PREFIX;
  const durationMs = SECONDS * 1000;
  const out: string[] = [`Measured ${new Date().toISOString()} (environment \`${ENV.name}\`, ${SECONDS} s per run).`];
  const groups = ENV.variables.KAFKA_GROUP_PREFIX;
  // every consumer of an upload's events: each scenario starts once the previous one is fully applied
  const drain = async (what: string, absent: AppName[] = []) => {
    const seconds = await waitForDrain(kafka, [TOPICS.deviceDataReceived, TOPICS.reportValuesUpdated]
      .flatMap((t) => t.consumers.filter((app) => !absent.includes(app)).map((app): [string, string] => [`${groups}.${app}`, `${prefix}${t.name}`])));
    log(`${what}: drained in ${seconds.toFixed(1)} s`);
    return seconds;
  };
  // every consumer of the environment, for the scenarios that must not share the cores with a backlog
  const quiet = async (what: string) => log(`${what}: every consumer quiet in ${(await waitForQuiet(kafka, groups)).toFixed(1)} s`);

  const echoAt = { prefix, port: ENV.ports.gateway + 50 }; // the bare echo of the warm-up and scenario 2
  // 1. Ingest at rising rates, then the raw baseline at the same rates.
  log(`warming the broker up for ${WARM_UP_SECONDS} s (echo traffic, not measured)`);
  await warmUpBroker(kafka, echoAt, WARM_UP_SECONDS * 1000);
  const lab = await setUpLab(GATEWAY, freshLabId(), ANALYZERS + 4);
  await saveCbcRuleSet(lab); // every upload of the ingest rows is decided by an active rule set
  await ingestAtRate(lab, { rate: 50, durationMs: 10_000, analyzers: ANALYZERS, probes: 2 }); // the apps warm up, not reported
  const app: IngestRun[] = [];
  await drain('before ingest');
  for (const rate of SCENARIOS.has('ingest') ? RATES : []) {
    const run = await ingestAtRate(lab, { rate, durationMs, analyzers: ANALYZERS, probes: 2 });
    await drain(`after ingest at ${rate}/s (accepted ${run.acceptedPerSecond.toFixed(1)} uploads/s)`);
    run.drainSeconds = (Date.now() - run.endedAt) / 1000;
    app.push(run);
  }
  const withoutVerification = SCENARIOS.has('ingest') ? await ingestWithoutVerification(lab, durationMs, drain) : null;
  const rawBaseline = new RawIngestBaseline(kafka, prefix, ENV.variables.MONGO_URL);
  await rawBaseline.start();
  const raw: RawRun[] = [];
  try {
    for (const rate of SCENARIOS.has('ingest') ? RATES : []) raw.push(await rawBaseline.atRate(rate, durationMs, ANALYZERS));
  } finally {
    await rawBaseline.stop();
  }
  const ingest = ingestTable(app, raw);
  console.log(`\nIngest (${ANALYZERS} analyzers, ${SECONDS} s per rate)\n${ingest}\n`);
  out.push(`### 1. Ingest (${ANALYZERS} analyzers, ${SECONDS} s per rate)\n\n${ingest}`);
  if (withoutVerification) {
    const cost = verificationCostTable(app, withoutVerification.runs, withoutVerification.catchUp);
    console.log(`Verification on / off (the same lab and rates, same run)\n${cost}\n`);
    out.push(`### 1c. Verification's cost per upload: on (active CBC rule set) / off (its consumer absent), same run\n\n${cost}`);
  }
  if (app.length > 0) {
    const waits = consistencyTable(app);
    console.log(`Read your writes under ingest (each probe's first read carries its upload's token)\n${waits}\n`);
    out.push(`### 1b. Read your writes under ingest (each probe's first read carries its upload's token)\n\n${waits}`);
  }

  let gateway: GatewayRun[] = [];
  if (SCENARIOS.has('gateway')) {
    // 2. Gateway round trip at fixed concurrencies, each next to the bare echo.
    await quiet('before the gateway round trip');
    // The read's cost of read your writes with no token pending: the gateway without it (no Redis
    // step per call), then as deployed, in the same run (issue 19).
    const untracked = await withGatewayEnv({ CONSISTENCY_TRACKING: 'false' }, () => gatewayRoundTrips(lab, kafka, echoAt, CONCURRENCIES, durationMs));
    gateway = await withGatewayEnv({}, () => gatewayRoundTrips(lab, kafka, echoAt, CONCURRENCIES, durationMs));
    const before = gatewayTable(untracked);
    const table = gatewayTable(gateway);
    console.log(`Gateway round trip without read-your-writes tracking (closed loop, ${SECONDS} s per row)\n${before}\n`);
    console.log(`Gateway round trip (closed loop, ${SECONDS} s per row)\n${table}\n`);
    out.push(`### 2. Gateway round trip (closed-loop clients, ${SECONDS} s per row)\n\n${table}`);
    out.push(`### 2b. The same, the gateway without read-your-writes tracking (\`CONSISTENCY_TRACKING=false\`), same run\n\n${before}`);
  }

  if (SCENARIOS.has('scale')) {
    // 3. Scale-out: the same offered load with one, then two instances in one consumer group.
    await quiet('before scale-out');
    const scale = await scaleOut(kafka, prefix, durationMs, extra);
    console.log(`Scale-out (${SCALE_RATE}/s offered, ${SECONDS} s, 6 partitions)\n${scale}\n`);
    out.push(`### 3. Scale-out (${SCALE_RATE}/s offered, ${SECONDS} s, 6 partitions per topic)\n\n${scale}`);
  }
  const goals = goalsTable(app, raw, gateway);
  console.log(`Goals\n${goals}\n`);
  out.push(`### Goals\n\n${goals}`);
  return out.join('\n\n');
}

/**
 * The ingest rates again with verification stopped (its consumer absent: no decision, no
 * report.autoverified / held for reporting to apply), then verification started again and timed
 * while it decides the backlog alone. Only when this run started verification.
 */
async function ingestWithoutVerification(
  lab: Awaited<ReturnType<typeof setUpLab>>, durationMs: number, drain: (what: string, absent?: AppName[]) => Promise<number>,
): Promise<{ runs: IngestRun[]; catchUp: CatchUp | null } | null> {
  if (!verificationIsOurs) {
    log('verification on/off skipped: verification was already running (stop the apps of this environment first)');
    return null;
  }
  await stopApps([VERIFICATION]);
  const runs: IngestRun[] = [];
  for (const rate of RATES) {
    const run = await ingestAtRate(lab, { rate, durationMs, analyzers: ANALYZERS, probes: 2 });
    await drain(`after ingest at ${rate}/s without verification`, [VERIFICATION]);
    run.drainSeconds = (Date.now() - run.endedAt) / 1000;
    runs.push(run);
  }
  spawnApp(VERIFICATION, { env: APP_ENV });
  await waitForReady(`http://127.0.0.1:${ENV.ports[VERIFICATION]}/health/ready`);
  const seconds = await drain('verification deciding the backlog');
  return { runs, catchUp: { uploads: runs.reduce((n, r) => n + r.accepted, 0), seconds } };
}

/** Runs `work` against a gateway (re)started with `env` on its usual port (this run's own apps only). */
async function withGatewayEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  if (!gatewayIsOurs) throw new Error('the gateway A/B needs the gateway this run started: stop the running apps first');
  await stopApps(['gateway']);
  spawnApp('gateway', { env: { ...APP_ENV, ...env } });
  await waitForReady(`${GATEWAY}/health/ready`);
  return work();
}

async function scaleOut(kafka: Kafka, prefix: string, durationMs: number, extra: ChildProcess[]): Promise<string> {
  const labs = [await setUpLab(GATEWAY, freshLabId(), ANALYZERS), await setUpLab(GATEWAY, freshLabId(), ANALYZERS)];
  const counter = new ValuesUpdatedCounter(kafka, `${prefix}report.values_updated`, new Set(labs.map((l) => l.labId)));
  await counter.start();
  const mongo = await mongoose.createConnection(ENV.variables.MONGO_URL, { retryWrites: false }).asPromise();
  const runs: ScaleOutRun[] = [];
  try {
    for (const [i, lab] of labs.entries()) {
      const instances = i + 1;
      if (instances === 2) await startSecondInstances(kafka, prefix, extra);
      const members = await assignment(kafka, `${ENV.variables.KAFKA_GROUP_PREFIX}.reporting`, `${prefix}device.data.received`);
      const t0 = Date.now();
      const run = await ingestAtRate(lab, { rate: SCALE_RATE, durationMs, analyzers: ANALYZERS, probes: 0 });
      const results = (run.accepted + 1) * PANEL.length; // + the upload setUpLab made; one device result per value
      const drained = await drainedCount(mongo.db!, lab, results);
      const { events, distinct } = counter.counts(lab.labId);
      runs.push({
        instances, partitions: members.map((m) => `[${m.join(',')}]`).join(' '), accepted: results, stored: drained.stored,
        events, distinct, storedPerSecond: drained.stored / ((drained.at - t0) / 1000),
      });
      log(`scale-out ${instances}: accepted ${results} results, stored ${drained.stored}`);
    }
  } finally {
    await counter.stop();
    await mongo.close();
  }
  return scaleOutTable(runs);
}

/** A second reporting and device-ingestion on other ports, same consumer groups; waits for the rebalance. */
async function startSecondInstances(kafka: Kafka, prefix: string, extra: ChildProcess[]): Promise<void> {
  for (const app of SCALED) {
    const port = ENV.ports[app] + 50;
    extra.push(spawnApp(app, { env: { PORT: String(port) }, recordPid: false, logName: `${app}-2` }));
    await waitForReady(`http://127.0.0.1:${port}/health/ready`, 120_000);
  }
  const groups: [string, string][] = [
    [`${ENV.variables.KAFKA_GROUP_PREFIX}.reporting`, `${prefix}device.data.received`],
    [`${ENV.variables.KAFKA_GROUP_PREFIX}.device-ingestion.commands`, `${prefix}${commandTopicOf('device-ingestion')}`],
  ];
  const deadline = Date.now() + 60_000;
  for (const [group, topic] of groups) {
    while ((await assignment(kafka, group, topic)).filter((m) => m.length > 0).length < 2 && Date.now() < deadline) await sleep(500);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

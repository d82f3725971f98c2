import { ChildProcess } from 'node:child_process';
import { APP_NAMES } from '@labflow/contracts';
import { APP_PORTS, currentEnvironment, LOG_DIR, startApps, stopApps, waitForReady } from '../dev';
import { Gateway } from './gateway-client';
import { PATIENTS } from './lab-catalog';
import { criticalCallout, manualRerun, orderToRedraw, postAnalyzerResults, readReportEntry } from './morning-bench';
import { resolveAutoReruns } from './morning-reruns';
import { labTokens, receiveSpecimens, registerPatients, setUpCatalog, setUpReception } from './morning-setup';
import { Progress } from './progress';
import { renderSummary, settledReading, takeReading } from './summary';

/**
 * `npm run demo`: a lab morning against the local stack, all through the gateway, in a lab of its own
 * (a fresh lab id each run) of the `demo` environment. The closing summary is read from the apps'
 * /metrics and the topics' watermarks, not counted by the demo.
 */
const STEPS = 4 + 1 + PATIENTS.length * 2 + PATIENTS.length * 2 + 3 + 3 + 3 + 1 + 3;

async function main(): Promise<void> {
  const environment = currentEnvironment();
  const gatewayUrl = environment.gatewayUrl;
  const sources = {
    gatewayUrl, reportingUrl: `http://127.0.0.1:${APP_PORTS.reporting}`,
    brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', topicPrefix: environment.variables.KAFKA_TOPIC_PREFIX,
  };
  const started = startApps({ attached: true });
  const ours = APP_NAMES.filter((a) => started.get(a) instanceof ChildProcess);
  const stop = () => stopApps(ours);
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    console.log(`LabFlow demo: environment ${environment.name}, gateway ${gatewayUrl} (${ours.length} apps started, logs in ${LOG_DIR})`);
    const t0 = Date.now();
    await waitForReady(`${gatewayUrl}/health/ready`);
    console.log(`apps ready in ${((Date.now() - t0) / 1000).toFixed(1)}s; the morning begins\n`);

    const gw = new Gateway(gatewayUrl);
    const lab = await labTokens(1_000_000 + Math.floor(Math.random() * 1_000_000_000));
    const before = await takeReading(sources);
    const began = Date.now();
    const progress = new Progress(STEPS);
    const catalog = await setUpCatalog(gw, lab, progress);
    await setUpReception(gw, lab);
    progress.tick('reception: party verified, legal entity active');
    const visits = await registerPatients(gw, lab, catalog, progress);
    await receiveSpecimens(gw, lab, visits, progress);
    await postAnalyzerResults(gw, lab, catalog, visits, progress);
    await manualRerun(gw, lab, catalog, visits[1], progress);
    await criticalCallout(gw, lab, visits[5], progress);
    await resolveAutoReruns(gw, lab, catalog, visits, progress);
    await readReportEntry(gw, lab, visits[2], progress);
    await orderToRedraw(gw, lab, progress);
    progress.finish();
    const seconds = (Date.now() - began) / 1000;
    const after = await settledReading(sources);
    console.log(await renderSummary(gw, lab, visits, before, after, seconds));
  } finally {
    await stop();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

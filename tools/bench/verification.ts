import { AppName } from '@labflow/contracts';
import { BenchLab, PANEL } from './lab';
import { IngestRun } from './ingest';
import { appliedPerSecond } from './report';
import { markdownTable, RunStats } from './stats';
import { send } from './http';

/**
 * Verification's cost per upload (issue 21): the ingest scenario with verification deciding every
 * upload under an active CBC rule set, then the same rates with verification's consumer absent
 * (the app stopped), in the same run; then how fast verification alone decides the backlog the
 * second half left it.
 */
export const VERIFICATION: AppName = 'verification';

/** A CBC rule set as a lab would start with: every parameter judged, a delta check on haemoglobin. */
export async function saveCbcRuleSet(lab: BenchLab): Promise<void> {
  const reply = await send(`${lab.gateway}/api-v3/verification/rule-sets/${lab.testId}`, 'PUT', lab.token, {
    parameters: PANEL.map((p) => (p.index === 4 ? { index: 4, delta: { mode: 'percent', limit: 50, lookBackDays: 30 } } : { index: p.index })),
    blockingParamFlags: ['A', 'W', '*', 'H~N'],
    blockingTestFlags: ['Blasts/Abn_Lympho?', 'PLT_Clumps?'],
  });
  if (reply.status !== 201) throw new Error(`save rule set: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** The backlog verification decided after it was started again: uploads, seconds, uploads per second. */
export interface CatchUp { uploads: number; seconds: number }

const ms = (s: RunStats) => `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`;

export function verificationCostTable(on: IngestRun[], off: IngestRun[], catchUp: CatchUp | null): string {
  const rows = on.map((a, i) => {
    const b = off[i];
    const cost = b ? `${(100 * (1 - appliedPerSecond(a) / Math.max(appliedPerSecond(b), 0.001))).toFixed(0)}%` : '';
    return [a.rate, appliedPerSecond(a), b ? appliedPerSecond(b) : '', cost, ms(a.http), b ? ms(b.http) : '', ms(a.endToEnd), b ? ms(b.endToEnd) : '',
      (a.drainSeconds ?? 0).toFixed(1), b ? (b.drainSeconds ?? 0).toFixed(1) : ''];
  });
  const table = markdownTable(
    ['offered uploads /s', 'applied results /s, verification on', 'off', 'throughput lost to verification', 'HTTP p50/p99 ms on', 'off',
      'end-to-end p50/p99 ms on', 'off', 'drain s on', 'off'],
    rows,
  );
  if (!catchUp) return table;
  const rate = catchUp.uploads / Math.max(catchUp.seconds, 0.001);
  return `${table}\n\nVerification alone, started again on the backlog of the "off" runs: ${catchUp.uploads} uploads decided in ${catchUp.seconds.toFixed(1)} s (${rate.toFixed(0)} decisions /s, ${(1000 / rate).toFixed(1)} ms per upload).`;
}

import { ReportValuesUpdated, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemoryVerificationUnit, LAB, VerificationSpecUnit } from '../in-memory-verification.fake';
import { DecideUpdateUseCase } from './decide-update.usecase';

const PATIENT = '0b9f7c57-2d59-4a5c-9d0c-2b5f3e5c1a11';
const RANGE = { lower: 12, upper: 16, criticalLower: 7, criticalUpper: 20 };

function update(labReportId: number, hgb: number, over: Partial<ReportValuesUpdated> = {}): ReportValuesUpdated {
  return {
    updateId: `00000000-0000-4000-8000-${String(labReportId * 1000 + Math.round(hgb * 10)).padStart(12, '0')}`, labId: LAB, labReportId, billId: 9,
    patientId: PATIENT, testId: 12, sampleId: `S${labReportId}`, source: 'device', deviceId: 3, documentReport: 1, applied: true, testFlags: [],
    values: [{ index: 4, value: String(hgb), numericValue: hgb, abnormal: hgb < 12 || hgb > 16, critical: hgb < 7, paramFlags: [], interpretation: [], referenceRange: RANGE }],
    criticalValues: 'none', updatedAt: '2026-05-25T10:00:00.000Z', ...over,
  };
}

async function withRuleSet(): Promise<VerificationSpecUnit> {
  const unit = inMemoryVerificationUnit();
  await unit.ruleSets.insert(LAB, 12, true, {
    parameters: [{ index: 4, referenceRange: true, measuringRange: true, critical: true, delta: { mode: 'percent', limit: 8, lookBackDays: 30 } }],
    blockingParamFlags: ['W'], blockingTestFlags: ['PLT_Clumps?'], devices: [],
  }, '7');
  return unit;
}

const decideOn = (unit: VerificationSpecUnit, e: ReportValuesUpdated) => new DecideUpdateUseCase().execute(commandFor(systemPrincipal(LAB), e), unit);

describe('DecideUpdateUseCase', () => {
  it('auto-verifies a normal upload under the active rule set: decision, state and report.autoverified', async () => {
    const unit = await withRuleSet();
    await decideOn(unit, update(1, 14));
    expect(unit.decisions.rows).toHaveLength(1);
    expect(unit.decisions.rows[0].outcome).toMatchObject({ status: 'auto_verified', ruleSetVersion: 1, reasons: [] });
    expect(await unit.states.find(LAB, 1)).toMatchObject({ status: 'auto_verified', decisions: 1, decisionId: unit.decisions.rows[0].id });
    expect(unit.published).toEqual([{ topic: 'report.autoverified', payload: expect.objectContaining({ labReportId: 1, ruleSetVersion: 1, decisionId: unit.decisions.rows[0].id }) }]);
  });

  it('holds with the reasons, and a delta check against the patient\'s earlier report', async () => {
    const unit = await withRuleSet();
    await decideOn(unit, update(1, 14, { updatedAt: '2026-05-24T10:00:00.000Z' }));
    await decideOn(unit, update(2, 12.6, { testFlags: ['PLT_Clumps?'] }));
    expect(unit.published[1]).toEqual({ topic: 'report.held', payload: expect.objectContaining({ labReportId: 2, reasons: ['test_flag', 'delta_check'] }) });
    expect(unit.decisions.rows[1].inputs.previous).toEqual([{ index: 4, numericValue: 14, observedAt: '2026-05-24T10:00:00.000Z', labReportId: 1 }]);
  });

  it('does not decide a settled report again for the same values, but does when they change or a rerun is confirmed', async () => {
    const unit = await withRuleSet();
    await decideOn(unit, update(1, 14));
    await decideOn(unit, update(1, 14, { updatedAt: '2026-05-25T11:00:00.000Z' }));
    expect(unit.decisions.rows).toHaveLength(1);
    await decideOn(unit, update(1, 14.4));
    await decideOn(unit, update(1, 14.4, { source: 'rerun' }));
    expect((await unit.states.find(LAB, 1))?.decisions).toBe(3);
  });

  it('holds every report of a test without an active rule set, and decides nothing for a signed report', async () => {
    const unit = inMemoryVerificationUnit();
    await decideOn(unit, update(1, 14, { applied: false }));
    expect(unit.published).toEqual([]);
    await decideOn(unit, update(1, 14));
    expect(unit.published).toEqual([{ topic: 'report.held', payload: expect.objectContaining({ reasons: ['no_rule_set'] }) }]);
  });

  it('holds results of a device under QC hold and reports with an open rerun', async () => {
    const unit = await withRuleSet();
    await unit.qcHolds.set(LAB, 3, '2026-05-25T09:00:00.000Z', 'Level 2 out', '7');
    await unit.reruns.apply({ labId: LAB, labReportId: 1, lifecycleEpoch: 1, sequence: 1 }, { open: true, since: '2026-05-25T09:30:00.000Z', requestedParameters: [4] });
    await decideOn(unit, update(1, 14));
    expect(unit.decisions.rows[0].outcome.reasons).toEqual(['open_rerun', 'qc_hold']);
  });
});

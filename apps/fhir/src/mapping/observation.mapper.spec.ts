import { EXTENSIONS, SYSTEMS } from './fhir-codes';
import { labReport, observation, PARAMETERS } from './fixtures';
import { toObservation } from './observation.mapper';
import { ucumCodeOf } from './ucum';

describe('Observation mapper', () => {
  const sut = toObservation(observation(), labReport(), PARAMETERS[0]);

  it('maps a numeric value to valueQuantity with its UCUM code', () => {
    expect(sut).toMatchObject({
      resourceType: 'Observation', id: '501-4', status: 'preliminary',
      valueQuantity: { value: 110.12, unit: 'g/dL', system: SYSTEMS.ucum, code: 'g/dL' },
      code: { coding: [{ system: SYSTEMS.parameter, code: '12-4', display: 'Haemoglobin' }], text: 'Haemoglobin' },
      subject: { reference: 'Patient/7075e0e2-6b57-47fd-aff7-324806efa7e5' },
      specimen: { reference: 'Specimen/aff00bf6-68bf-4b49-b66d-f031d48922b3' },
      device: { reference: 'Device/9' }, effectiveDateTime: '2026-05-25T08:00:00.000Z',
    });
  });

  it('keeps raw machine flags and the critical mark in extensions', () => {
    expect(sut.extension).toEqual([
      { url: EXTENSIONS.machineFlag, valueString: 'P1' },
      { url: EXTENSIONS.machineFlag, valueString: 'H~N' },
      { url: EXTENSIONS.criticalValue, valueBoolean: true },
    ]);
    expect(sut.interpretation).toEqual([{ coding: [{ system: SYSTEMS.interpretation, code: 'H' }] }, { coding: [{ system: SYSTEMS.interpretation, code: 'HH' }] }]);
  });

  it('gives the range that applied with its age band (inclusive high) and gender, then the critical range', () => {
    const [normal, critical] = sut.referenceRange as Record<string, unknown>[];
    expect(normal).toEqual({
      low: { value: 12, unit: 'g/dL', system: SYSTEMS.ucum, code: 'g/dL' }, high: { value: 15.5, unit: 'g/dL', system: SYSTEMS.ucum, code: 'g/dL' },
      type: { coding: [{ system: SYSTEMS.referenceRangeMeaning, code: 'normal', display: 'Normal Range' }] },
      appliesTo: [{ coding: [{ system: SYSTEMS.administrativeGender, code: 'female' }], text: 'female' }],
      age: { low: { value: 18, unit: 'years', system: SYSTEMS.ucum, code: 'a' }, high: { value: 119, unit: 'years', system: SYSTEMS.ucum, code: 'a' } },
    });
    expect(critical).toMatchObject({ low: { value: 7 }, high: { value: 100 }, type: { text: 'critical' } });
  });

  it('a unit without a UCUM code keeps its text only; a text value is valueString; a calculated value has no device', () => {
    const odd = toObservation(observation({ index: 7 }), labReport(), { index: 7, name: 'Odd', unit: 'blasts/hpf', calculated: false });
    expect(odd.valueQuantity).toEqual({ value: 110.12, unit: 'blasts/hpf' });
    const text = toObservation(observation({ value: 'Positive', numericValue: null }), labReport(), PARAMETERS[0]);
    expect(text.valueString).toBe('Positive');
    expect(text).not.toHaveProperty('valueQuantity');
    const mch = toObservation(observation({ index: 6 }), labReport(), PARAMETERS[2]);
    expect(mch).not.toHaveProperty('device');
    expect(ucumCodeOf('mill/cumm')).toBe('10*6/uL');
  });

  it('a value replaced by a confirmed rerun is corrected and names the replaced value', () => {
    const corrected = toObservation(observation({ value: '13.4', numericValue: 13.4, replacedValue: '110.12', change: 'corrected' }), labReport(), PARAMETERS[0]);
    expect(corrected.status).toBe('corrected');
    expect(corrected.extension).toContainEqual({ url: EXTENSIONS.replacedValue, valueString: '110.12' });
  });
});

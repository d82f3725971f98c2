import { biomarkersToRedraw } from './redraw-policy';

describe('biomarkersToRedraw (seed 004)', () => {
  const labs = ['labcorp', 'quest', 'bioreference'];
  const order = { origin: 'initial' as const, walkIn: true, performingLab: 'quest', biomarkers: ['glucose', 'hba1c', 'ldl'] };
  const results = [
    { biomarker: 'glucose', result: '92', missingReason: null },
    { biomarker: 'hba1c', result: null, missingReason: 'lab_error' },
    { biomarker: 'ldl', result: null, missingReason: 'insufficient_sample' },
  ];

  it('redraws only the biomarkers missing because of a lab error', () => {
    expect(biomarkersToRedraw(order, results, labs)).toEqual(['hba1c']);
  });

  it('offers no redraw for a redraw order, a non walk-in order or a lab without redraws', () => {
    expect(biomarkersToRedraw({ ...order, origin: 'redraw' }, results, labs)).toEqual([]);
    expect(biomarkersToRedraw({ ...order, walkIn: false }, results, labs)).toEqual([]);
    expect(biomarkersToRedraw({ ...order, performingLab: 'spiriplex' }, results, labs)).toEqual([]);
  });

  it('offers no redraw when nothing is missing because of a lab error', () => {
    expect(biomarkersToRedraw(order, results.filter((r) => r.biomarker !== 'hba1c'), labs)).toEqual([]);
  });
});

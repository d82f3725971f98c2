import { diagnosticReportStatus, observationStatus } from './report-status';

const open = { signed: false, cancelled: false };
const obs = (index: number, change: 'none' | 'corrected' | 'amended' = 'none') => ({ index, change });

describe('DiagnosticReport.status from LabFlow states', () => {
  it('registered without values, partial while a parameter has none, preliminary when all have one', () => {
    expect(diagnosticReportStatus(open, [], [4, 5, 6])).toBe('registered');
    expect(diagnosticReportStatus(open, [obs(4)], [4, 5, 6])).toBe('partial');
    expect(diagnosticReportStatus(open, [obs(4), obs(5), obs(6)], [4, 5, 6])).toBe('preliminary');
  });

  it('final when signed; corrected when a rerun changed a value, amended when it only added one', () => {
    expect(diagnosticReportStatus({ signed: true, cancelled: false }, [obs(4)], [4, 5])).toBe('final');
    expect(diagnosticReportStatus(open, [obs(4, 'corrected'), obs(5, 'amended')], [4, 5])).toBe('corrected');
    expect(diagnosticReportStatus({ signed: true, cancelled: false }, [obs(4), obs(5, 'amended')], [4, 5])).toBe('amended');
  });

  it('cancelled wins over everything', () => {
    expect(diagnosticReportStatus({ signed: true, cancelled: true }, [obs(4, 'corrected')], [4])).toBe('cancelled');
  });

  it('an Observation follows its report and its own change', () => {
    expect(observationStatus(open, 'none')).toBe('preliminary');
    expect(observationStatus({ signed: true, cancelled: false }, 'none')).toBe('final');
    expect(observationStatus(open, 'corrected')).toBe('corrected');
    expect(observationStatus({ signed: false, cancelled: true }, 'amended')).toBe('cancelled');
  });
});

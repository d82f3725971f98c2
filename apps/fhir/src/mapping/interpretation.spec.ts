import { interpretationCodes, judgeAgainst, judgedCode } from './interpretation';
import { observation } from './fixtures';

describe('Observation.interpretation', () => {
  it('keeps the normalized analyzer codes in order, drops unknown ones, and adds HH for a critical value no flag calls critical', () => {
    expect(interpretationCodes(observation())).toEqual(['H', 'HH']);
  });

  it('does not add the lab judgement when an analyzer flag already says critical', () => {
    expect(interpretationCodes(observation({ interpretation: ['HH', 'H', 'HH'] }))).toEqual(['HH', 'H']);
  });

  it('falls back to the lab judgement without analyzer flags: L, H, LL, N', () => {
    const plain = { interpretation: [], paramFlags: [] };
    expect(interpretationCodes(observation({ ...plain, numericValue: 11, abnormal: true, critical: false }))).toEqual(['L']);
    expect(interpretationCodes(observation({ ...plain, numericValue: 16, abnormal: true, critical: false }))).toEqual(['H']);
    expect(interpretationCodes(observation({ ...plain, numericValue: 5, abnormal: true, critical: true }))).toEqual(['LL']);
    expect(interpretationCodes(observation({ ...plain, numericValue: 13, abnormal: false, critical: false }))).toEqual(['N']);
  });

  it('says nothing for a text value or a parameter without a range', () => {
    expect(judgedCode(observation({ numericValue: null, value: 'Positive', abnormal: false, critical: false }))).toBeNull();
    expect(interpretationCodes(observation({ interpretation: [], referenceRange: null, abnormal: false, critical: false }))).toEqual([]);
  });

  it('judges a rerun value against the range the original had', () => {
    const range = observation().referenceRange;
    expect(judgeAgainst(13.4, range)).toEqual({ abnormal: false, critical: false });
    expect(judgeAgainst(6, range)).toEqual({ abnormal: true, critical: true });
    expect(judgeAgainst(null, range)).toEqual({ abnormal: false, critical: false });
  });
});

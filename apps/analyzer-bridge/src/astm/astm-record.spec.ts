import { DEFAULT_ASTM_DELIMITERS, delimitersOfHeader, escapeAstm, unescapeAstm } from './astm-delimiters';
import { parseAstmRecord } from './astm-record';

describe('E1394 records', () => {
  it('reads the delimiters from the H record, never assuming |\\^&', () => {
    expect(delimitersOfHeader('H|\\^&|||HOST')).toEqual(DEFAULT_ASTM_DELIMITERS);
    expect(delimitersOfHeader('H!@#$!!!LIS')).toEqual({ field: '!', repeat: '@', component: '#', escape: '$' });
    expect(delimitersOfHeader('P|1')).toBeNull();
    expect(delimitersOfHeader('H||||')).toBeNull();
  });

  it('numbers fields as E1394 does (the type is field 1) and splits repeats and components', () => {
    const sut = parseAstmRecord('R|1|^^^GLU^Glucose|5.4|mmol/L|3.9^6.1|H\\A||F', DEFAULT_ASTM_DELIMITERS)!;
    expect(sut.type).toBe('R');
    expect(sut.component(2)).toBe('1');
    expect(sut.component(3, 4)).toBe('GLU');
    expect(sut.component(3, 5)).toBe('Glucose');
    expect(sut.component(6, 2)).toBe('6.1');
    expect(sut.componentOfRepeats(7)).toEqual(['H', 'A']);
    expect(sut.component(9)).toBe('F');
    expect(sut.component(30)).toBe('');
  });

  it('keeps the H record\'s delimiter field whole', () => {
    const sut = parseAstmRecord('H|\\^&|||ANALYZER^1.0|||||||P|1', DEFAULT_ASTM_DELIMITERS)!;
    expect(sut.component(2)).toBe('\\^&');
    expect(sut.component(5, 1)).toBe('ANALYZER');
    expect(sut.component(5, 2)).toBe('1.0');
  });

  it('with custom delimiters, splits by them and unescapes &F& &S& &R& &E& (in their escape character)', () => {
    const d = delimitersOfHeader('H!@#$')!;
    const sut = parseAstmRecord('C!1!I!note $F$ a$S$b$R$c$E$d #second!G', d)!;
    expect(sut.component(4, 1)).toBe('note ! a#b@c$d ');
    expect(sut.component(4, 2)).toBe('second');
    expect(sut.component(5)).toBe('G');
  });

  it('unescapes &F& &S& &R& &E& and hex with the standard delimiters', () => {
    expect(unescapeAstm('a&F&b&S&c&R&d&E&e&X41&', DEFAULT_ASTM_DELIMITERS)).toBe('a|b^c\\d&eA');
    expect(unescapeAstm('no escapes', DEFAULT_ASTM_DELIMITERS)).toBe('no escapes');
    expect(escapeAstm('a|b^c\\d&e', DEFAULT_ASTM_DELIMITERS)).toBe('a&F&b&S&c&R&d&E&e');
  });

  it('reads a lower-case record type and refuses what is no record', () => {
    expect(parseAstmRecord('r|1|^^^K|4.1', DEFAULT_ASTM_DELIMITERS)?.type).toBe('R');
    expect(parseAstmRecord('X|1', DEFAULT_ASTM_DELIMITERS)).toBeNull();
    expect(parseAstmRecord('Rx|1', DEFAULT_ASTM_DELIMITERS)).toBeNull();
    expect(parseAstmRecord('L', DEFAULT_ASTM_DELIMITERS)?.type).toBe('L');
  });
});

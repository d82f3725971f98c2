import { searchset } from './bundle';

const base = 'https://lab.example/fhir/R4';
const patient = (id: string) => ({ resourceType: 'Patient', id });

describe('searchset Bundle', () => {
  it('links self, first, previous, next and last, keeping the search parameters', () => {
    const sut = searchset({ base, type: 'Patient', params: [['name', 'a b']], page: { offset: 2, count: 2 }, total: 5, matches: [patient('3'), patient('4')] });
    const links = Object.fromEntries(sut.link.map((l) => [l.relation, l.url]));
    expect(links).toEqual({
      self: `${base}/Patient?name=a+b&_count=2&_offset=2`, first: `${base}/Patient?name=a+b&_count=2&_offset=0`,
      previous: `${base}/Patient?name=a+b&_count=2&_offset=0`, next: `${base}/Patient?name=a+b&_count=2&_offset=4`,
      last: `${base}/Patient?name=a+b&_count=2&_offset=4`,
    });
    expect(sut.entry?.map((e) => [e.fullUrl, e.search?.mode])).toEqual([[`${base}/Patient/3`, 'match'], [`${base}/Patient/4`, 'match']]);
  });

  it('has no next on the last page, no entry when empty, and marks includes', () => {
    const empty = searchset({ base, type: 'Patient', params: [], page: { offset: 0, count: 20 }, total: 0, matches: [] });
    expect(empty.link.map((l) => l.relation)).toEqual(['self', 'first', 'last']);
    expect(empty).not.toHaveProperty('entry');
    const withInclude = searchset({ base, type: 'Patient', params: [], page: { offset: 0, count: 20 }, total: 1, matches: [patient('1')], includes: [patient('2')] });
    expect(withInclude.entry?.[1].search?.mode).toBe('include');
  });
});

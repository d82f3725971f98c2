import { Bundle, FhirResource } from './fhir-types';

export interface Page { offset: number; count: number }

export interface SearchsetInput {
  /** e.g. https://lab.example/fhir/R4 */
  base: string;
  type: string;
  /** The search's own parameters (without paging), in the order the client sent them. */
  params: [string, string][];
  page: Page;
  total: number;
  matches: FhirResource[];
  includes?: FhirResource[];
}

/** A searchset Bundle with self / first / previous / next / last links (offset paging). */
export function searchset(input: SearchsetInput): Bundle {
  const { base, type, params, page, total } = input;
  const url = (offset: number) => {
    const q = new URLSearchParams([...params, ['_count', String(page.count)], ['_offset', String(offset)]]);
    return `${base}/${type}?${q.toString()}`;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / page.count) * page.count;
  const link = [{ relation: 'self', url: url(page.offset) }, { relation: 'first', url: url(0) }];
  if (page.offset > 0) link.push({ relation: 'previous', url: url(Math.max(0, page.offset - page.count)) });
  if (page.offset + page.count < total) link.push({ relation: 'next', url: url(page.offset + page.count) });
  link.push({ relation: 'last', url: url(lastOffset) });
  const entry = [
    ...input.matches.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } })),
    ...(input.includes ?? []).map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'include' as const } })),
  ];
  return { resourceType: 'Bundle', type: 'searchset', total, link, ...(entry.length ? { entry } : {}) };
}

import { fhirError } from '../fhir.errors';

/** A date search parameter as an interval of instants: [from, to) (either side open). */
export interface DateBound { from: string | null; to: string | null }
export interface Token { system: string | null; code: string }

const DATE = /^(eq|ne|lt|gt|le|ge|sa|eb)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const bad = (message: string) => fhirError('INVALID_SEARCH_PARAMETER', message);

/** `Patient/abc` or `abc` → abc. */
export function referenceId(value: string, type: string): string {
  const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) throw bad(`patient must be ${type}/<id> or <id>`);
  return id;
}

/** `system|code`, `|code` (no system) or `code` (any system). */
export function token(value: string): Token {
  const bar = value.indexOf('|');
  if (bar < 0) return { system: null, code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

/**
 * FHIR date search: the value is a precision interval (2026 = the whole year); eq within it,
 * ge / gt / le / lt against its start or end. Every repeated parameter must hold (AND).
 */
export function dateBounds(values: string | string[] | undefined): DateBound[] {
  if (values === undefined) return [];
  return (Array.isArray(values) ? values : [values]).map((raw) => {
    const m = DATE.exec(raw);
    if (!m) throw bad(`date ${raw} is not a FHIR date search value ([eq|ge|gt|le|lt]YYYY[-MM[-DD[Thh:mm[:ss][Z]]]])`);
    const [, prefix = 'eq', y, mo, d, h, mi, s, tz] = m;
    const start = new Date(`${y}-${mo ?? '01'}-${d ?? '01'}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${tz ?? 'Z'}`);
    if (Number.isNaN(start.getTime())) throw bad(`date ${raw} is not a valid date`);
    const end = new Date(start);
    if (s) end.setUTCSeconds(end.getUTCSeconds() + 1);
    else if (mi) end.setUTCMinutes(end.getUTCMinutes() + 1);
    else if (d) end.setUTCDate(end.getUTCDate() + 1);
    else if (mo) end.setUTCMonth(end.getUTCMonth() + 1);
    else end.setUTCFullYear(end.getUTCFullYear() + 1);
    const from = start.toISOString();
    const to = end.toISOString();
    switch (prefix) {
      case 'eq': return { from, to };
      case 'ge': case 'sa': return { from, to: null };
      case 'gt': return { from: to, to: null };
      case 'le': case 'eb': return { from: null, to };
      case 'lt': return { from: null, to: from };
      default: throw bad(`date prefix ${prefix} is not supported`);
    }
  });
}

/** The search parameters given that this type does not serve: a 400 rather than a silently wider search. */
export function unsupported(given: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(given).filter((k) => given[k] !== undefined && !k.startsWith('_') && !allowed.includes(k));
}

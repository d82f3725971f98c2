import { LabflowClaims } from '@labflow/platform/auth';
import { choiceOption, integerOption, parseCli, UsageError } from './cli-args';

export const TOKEN_USAGE = `Usage: npm run token -- [options]

Prints a JWT the local stack accepts (HS256 with JWT_SECRET, or the development secret).

Options:
  --lab <id>                    lab_id, a positive integer (default 100)
  --sub <id>                    sub, the user or client subject (default 1)
  --type <login type>           login_type: lab_user, doctor or support (default lab_user)
  --departments <ids>           department_ids, comma-separated integers (e.g. 1,2)
  --doc-type <n>                doc_type: 0 department doctor, 2 referring doctor
  --department-data-type <n>    department_data_type: 0 session departments, 1 user relation
  --scope <scopes>              space-separated scopes, e.g. "specimen:process specimen:read"
  --party <id>                  party_id
  --client <id>                 client_id of an application
  --name <name>                 display name
  --expires <time>              lifetime such as 30m, 12h or 7d (default 12h)
  -h, --help                    this help`;

const OPTIONS = {
  lab: { type: 'string' }, sub: { type: 'string' }, type: { type: 'string' }, departments: { type: 'string' },
  'doc-type': { type: 'string' }, 'department-data-type': { type: 'string' }, scope: { type: 'string' },
  party: { type: 'string' }, client: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' },
} as const;

export interface TokenRequest {
  claims: LabflowClaims;
  expiresIn: string;
}

/** The token the command line asks for, or null for --help; a UsageError names a bad option. */
export function tokenRequestFrom(argv: string[]): TokenRequest | null {
  const parsed = parseCli({ usage: TOKEN_USAGE, options: OPTIONS }, argv);
  if (!parsed) return null;
  const v = parsed.values;
  const departments = v.departments === undefined ? [] : v.departments.split(',').map((d) => integerOption('departments', d.trim(), { min: 0 }) as number);
  const expiresIn = v.expires ?? '12h';
  if (!/^\d+[smhd]$/.test(expiresIn)) throw new UsageError(`--expires must be a number with s, m, h or d (got '${expiresIn}')`);
  return {
    claims: {
      sub: v.sub ?? '1',
      lab_id: integerOption('lab', v.lab, { min: 1 }) ?? 100,
      login_type: choiceOption('type', v.type, ['lab_user', 'doctor', 'support'] as const) ?? 'lab_user',
      doc_type: integerOption('doc-type', v['doc-type']),
      department_data_type: integerOption('department-data-type', v['department-data-type']),
      department_ids: departments,
      scope: v.scope ?? '',
      party_id: v.party,
      client_id: v.client,
      name: v.name,
    },
    expiresIn,
  };
}

import { LoginType } from '@labflow/contracts';
import { signDevToken } from '@labflow/platform/auth';

/**
 * Prints a JWT the local stack accepts:
 *   npm run token -- --lab 100 --sub 7 --type lab_user --departments 1,2 --scope "specimen:process"
 */
function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const secret = process.env.JWT_SECRET ?? 'labflow-local-development-secret';
  const departments = arg('departments');
  const token = await signDevToken(secret, {
    sub: arg('sub', '1') as string,
    lab_id: Number(arg('lab', '100')),
    login_type: (arg('type', 'lab_user') as LoginType),
    doc_type: arg('doc-type') === undefined ? undefined : Number(arg('doc-type')),
    department_data_type: arg('department-data-type') === undefined ? undefined : Number(arg('department-data-type')),
    department_ids: departments ? departments.split(',').map(Number) : [],
    scope: arg('scope', ''),
    party_id: arg('party'),
    client_id: arg('client'),
    name: arg('name'),
  }, arg('expires', '12h'));
  console.log(token);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});

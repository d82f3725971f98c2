import { signDevToken } from '@labflow/platform/auth';
import { runCli } from './cli-args';
import { TOKEN_USAGE, tokenRequestFrom } from './token-args';

/** Prints a JWT the local stack accepts: `npm run token -- --lab 100 --sub 7 --scope "specimen:process"` (see --help). */
runCli(TOKEN_USAGE, async () => {
  const request = tokenRequestFrom(process.argv.slice(2));
  if (!request) return 'help';
  const secret = process.env.JWT_SECRET ?? 'labflow-local-development-secret';
  console.log(await signDevToken(secret, request.claims, request.expiresIn));
});

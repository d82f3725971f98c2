import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { UploadRepository } from '../delivery/upload.repository';

const USAGE = `Usage: npm run bridge:replay -- (--list | --all | --upload <id>...) [--device <name>...] [--limit <n>]

Lists or replays the analyzer bridge's refused (4xx) and dead-lettered (kept failing) uploads once the
cause is fixed (a mapping, a registration, a token). A replayed upload is tried again at once by the
bridge that has its device configured, its route (first fill or /new) decided again.

Options:
  --list             list them (device, sample, status, attempts, last error, raw message size); nothing changes
  --all              replay every one (of --device, when given)
  --upload <id>      replay this upload (repeatable)
  --device <name>    only this device's (repeatable)
  --limit <n>        at most n listed (default 50)
  -h, --help         this help

Reads POSTGRES_URL (the bridge's database).`;

const OPTIONS = {
  list: { type: 'boolean' }, all: { type: 'boolean' }, upload: { type: 'string', multiple: true },
  device: { type: 'string', multiple: true }, limit: { type: 'string' },
} as const;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, ''));
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parse(argv);
  const modes = [options.list, options.all, options.upload !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('give exactly one of --list, --all, --upload <id>');
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number of at least 1 (got '${options.limit}')`);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const bad = options.upload?.find((id) => !uuid.test(id));
  if (bad) throw new UsageError(`--upload must be an upload id (a UUID), got '${bad}'`);
  if (!process.env.POSTGRES_URL) throw new UsageError('POSTGRES_URL is not set');

  const dataSource = await new DataSource({ type: 'postgres', url: process.env.POSTGRES_URL }).initialize();
  try {
    const uploads = new UploadRepository(dataSource);
    const devices = options.device ?? null;
    if (options.list) {
      const letters = await uploads.letters(devices, limit);
      for (const l of letters) {
        console.log(`${l.id}  ${l.device}  sample ${l.sample_id}  ${l.status}  attempts ${l.attempts}  raw ${l.raw_bytes} bytes  ${l.last_error ?? ''}`);
      }
      console.log(`${letters.length} upload(s) to replay`);
      return 0;
    }
    const replayed = await uploads.requeue(options.upload ?? null, devices);
    for (const id of replayed) console.log(`replaying ${id}`);
    const missing = (options.upload ?? []).filter((id) => !replayed.includes(id));
    for (const id of missing) console.error(`${id}: no refused or dead-lettered upload with this id`);
    console.log(`replayed ${replayed.length} upload(s)`);
    return missing.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`bridge replay failed: ${(error as Error).message}`);
  process.exit(1);
});

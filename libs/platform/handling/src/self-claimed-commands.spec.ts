import { IsInt, IsString } from 'class-validator';
import { defineCommand, Envelope, newEnvelope, Principal, systemPrincipal } from '@labflow/contracts';
import { Command } from './command';
import { HandlesCommand, declarationOf } from './declarations';
import { errorTable } from './domain-error';
import { Handling, HandledMessage } from './handling';
import { InMemoryUnitsOfWork } from './in-memory-unit-of-work';
import { UnitOfWork } from './unit-of-work';

class UploadInput {
  @IsInt() labId!: number;
  @IsString() key!: string;
}
class SecretInput {
  @IsString() name!: string;
}
const UPLOAD = defineCommand<UploadInput, { first: boolean }>('device-ingestion', 'spec.upload');
const SECRET = defineCommand<SecretInput, { name: string; secret: string }>('device-ingestion', 'spec.secret');
const ERRORS = errorTable({});

interface Keys { keys: Set<string>; labs: number[] }
type Unit = UnitOfWork<Keys>;

/** Claims its own effect by a key of its input; carries no principal (its lab is the input's). */
@HandlesCommand(UPLOAD, UploadInput, { claimedBy: 'use-case', labIdOf: (input) => input.labId })
class Upload {
  seen: Command<UploadInput>[] = [];
  async execute(command: Command<UploadInput>, unit: Unit): Promise<{ first: boolean }> {
    this.seen.push(command);
    unit.labs.push(command.labId);
    const first = !unit.keys.has(command.input.key);
    unit.keys.add(command.input.key);
    return { first };
  }
}

@HandlesCommand(SECRET, SecretInput, { status: 201 })
class ShowSecretOnce {
  runs = 0;
  async execute(command: Command<SecretInput>): Promise<{ name: string; secret: string }> {
    this.runs++;
    return { name: command.input.name, secret: `s-${this.runs}` };
  }

  kept(reply: { name: string; secret: string }): { name: string; secret: string } {
    return { ...reply, secret: '(shown once)' };
  }
}

const message = (id: string): HandledMessage => {
  const envelope: Envelope = { ...newEnvelope('x', 1, {}, { labId: null, correlationId: 'c-9', causationId: null }), id };
  return { envelope, causedContext: { labId: null, correlationId: 'c-9', causationId: id } };
};

describe('Handling: commands that claim their own effect, carry no principal, or keep another reply', () => {
  let units: InMemoryUnitsOfWork<Keys>;
  let sut: Handling<Keys>;
  beforeEach(() => {
    units = new InMemoryUnitsOfWork<Keys>({ keys: new Set(), labs: [] });
    sut = new Handling(units, ERRORS);
  });

  it('runs a use-case-claimed command without an inbox claim: the same message id runs again, the use case answers its repeat', async () => {
    const upload = new Upload();
    const send = () => sut.handle(declarationOf(Upload), upload, { principal: null, input: { labId: 5, key: 'k' } }, message('u-1'));
    expect(await send()).toEqual({ ok: true, status: 200, body: { first: true } });
    expect(await send()).toEqual({ ok: true, status: 200, body: { first: false } });
    expect(units.inbox.size).toBe(0);
  });

  it('takes the lab of a principal-less command from its input, acting as that lab\'s system user, caused in that lab', async () => {
    const upload = new Upload();
    await sut.handle(declarationOf(Upload), upload, { principal: null, input: { labId: 5, key: 'k' } }, message('u-2'));
    expect(upload.seen[0]).toMatchObject({
      labId: 5, principal: systemPrincipal(5), messageId: 'u-2', cause: { labId: 5, correlationId: 'c-9', causationId: 'u-2' },
    });
  });

  it('validates a principal-less command before naming its lab', async () => {
    const upload = new Upload();
    await expect(sut.handle(declarationOf(Upload), upload, { principal: null, input: { labId: 'x', key: 'k' } }, message('u-3')))
      .rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'labId must be an integer number' });
    expect(upload.seen).toEqual([]);
  });

  it('answers the first caller the reply and a repeat what the use case keeps instead', async () => {
    const useCase = new ShowSecretOnce();
    const principal: Principal = { ...systemPrincipal(5), sub: 'u-1', loginType: 'lab_user' };
    const send = () => sut.handle(declarationOf(ShowSecretOnce), useCase, { principal, input: { name: 'a' } }, message('s-1'));
    expect(await send()).toEqual({ ok: true, status: 201, body: { name: 'a', secret: 's-1' } });
    expect(await send()).toEqual({ ok: true, status: 201, body: { name: 'a', secret: '(shown once)' } });
    expect(useCase.runs).toBe(1);
  });
});

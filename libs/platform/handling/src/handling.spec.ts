import { IsInt, IsString } from 'class-validator';
import { defineCommand, defineTopic, Envelope, newEnvelope, Principal, systemPrincipal } from '@labflow/contracts';
import { DomainException } from '@labflow/platform/kafka';
import { Command } from './command';
import { HandlesCommand, HandlesEvent, HandlesQuery, declarationOf } from './declarations';
import { DomainError, errorTable } from './domain-error';
import { Handling, HandledMessage } from './handling';
import { InMemoryUnitsOfWork } from './in-memory-unit-of-work';
import { UnitOfWork } from './unit-of-work';

class NoteInput {
  @IsString() text!: string;
}
class NoteAdded {
  @IsInt() labId!: number;
  @IsString() text!: string;
}
const NOTE_ADDED = defineTopic({
  name: 'note.added', version: 1, payload: NoteAdded, key: (p) => String(p.labId), keyDescription: 'lab',
  producers: ['orders'], consumers: ['audit'], description: 'spec',
});
const ADD_NOTE = defineCommand<NoteInput, { count: number }>('orders', 'note.add');
const COUNT_NOTES = defineCommand<NoteInput, { count: number }>('orders', 'note.count');
const ERRORS = errorTable({
  NOTE_EMPTY: { status: 422, message: 'A note needs words' },
  NOTE_TOO_LONG: { status: 400, message: (limit: string) => `A note has at most ${limit} characters` },
});

interface Notes { notes: { labId: number; text: string }[] }
type Unit = UnitOfWork<Notes>;

@HandlesCommand(ADD_NOTE, NoteInput, { status: 201 })
class AddNote {
  runs = 0;
  async execute(command: Command<NoteInput>, unit: Unit): Promise<{ count: number }> {
    this.runs++;
    if (command.input.text === '') throw ERRORS.error('NOTE_EMPTY');
    if (command.input.text.length > 5) throw ERRORS.error('NOTE_TOO_LONG', '5');
    await unit.publish(NOTE_ADDED, { labId: command.labId, text: command.input.text });
    unit.notes.push({ labId: command.labId, text: command.input.text });
    return { count: unit.notes.filter((n) => n.labId === command.labId).length };
  }
}

@HandlesQuery(COUNT_NOTES, NoteInput)
class CountNotes {
  async execute(command: Command<NoteInput>, unit: Unit): Promise<{ count: number }> {
    return { count: unit.notes.filter((n) => n.labId === command.labId && n.text === command.input.text).length };
  }
}

class DeviceNoteInput {
  @IsInt() labId!: number;
  @IsString() text!: string;
}
const COUNT_DEVICE_NOTES = defineCommand<DeviceNoteInput, { labId: number; sub: string; count: number }>('orders', 'note.count.device');

/** A query without a principal (a device's token in its input): its lab named by the input. */
@HandlesQuery(COUNT_DEVICE_NOTES, DeviceNoteInput, { labIdOf: (input) => input.labId })
class CountDeviceNotes {
  async execute(command: Command<DeviceNoteInput>, unit: Unit) {
    return { labId: command.labId, sub: command.principal.sub, count: unit.notes.filter((n) => n.labId === command.labId).length };
  }
}

@HandlesEvent(NOTE_ADDED, { consumer: 'spec.note_added', labIdOf: (p) => p.labId, appliesTo: (p) => p.text !== 'skip' })
class MirrorNote {
  async execute(command: Command<NoteAdded>, unit: Unit): Promise<void> {
    unit.notes.push({ labId: command.labId, text: `mirror ${command.input.text}` });
  }
}

const principal: Principal = { ...systemPrincipal(7), sub: 'u-1', loginType: 'lab_user' };
const message = (id: string, labId: number | null = 7): HandledMessage => {
  const envelope: Envelope = { ...newEnvelope('x', 1, {}, { labId, correlationId: 'c-1', causationId: null }), id };
  return { envelope, causedContext: { labId, correlationId: 'c-1', causationId: id } };
};

describe('Handling (the seam)', () => {
  let units: InMemoryUnitsOfWork<Notes>;
  let sut: Handling<Notes>;
  let addNote: AddNote;
  beforeEach(() => {
    units = new InMemoryUnitsOfWork<Notes>({ notes: [] });
    sut = new Handling(units, ERRORS);
    addNote = new AddNote();
  });
  const add = (text: unknown, id = 'm-1', who: Principal | null = principal) =>
    sut.handle(declarationOf(AddNote), addNote, { principal: who, input: { text } }, message(id));

  it('answers a command with its declared status and commits its events', async () => {
    expect(await add('hi')).toEqual({ ok: true, status: 201, body: { count: 1 } });
    expect(units.committed).toEqual([{ topic: 'note.added', payload: { labId: 7, text: 'hi' } }]);
  });

  it('answers a repeated command with the kept reply, without running it again', async () => {
    await add('hi', 'm-1');
    expect(await add('hi', 'm-1')).toEqual({ ok: true, status: 201, body: { count: 1 } });
    expect(addNote.runs).toBe(1);
    expect(units.committed).toHaveLength(1);
  });

  it('validates the input once, before any work: unknown fields and wrong types are a 400', async () => {
    await expect(add(5)).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'text must be a string' });
    await expect(sut.handle(declarationOf(AddNote), addNote, { principal, input: { text: 'a', labId: 9 } }, message('m-2')))
      .rejects.toMatchObject({ status: 400, message: 'property labId should not exist' });
    expect(addNote.runs).toBe(0);
  });

  it('refuses a command without a principal (401)', async () => {
    await expect(add('hi', 'm-1', null)).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN', message: 'Invalid access token' });
  });

  it('maps a domain error code to the status and message of the app table; nothing is committed or claimed', async () => {
    const failure = await add('', 'm-3').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainException);
    expect(failure).toMatchObject({ status: 422, code: 'NOTE_EMPTY', message: 'A note needs words' });
    await expect(add('toolong', 'm-4')).rejects.toMatchObject({ status: 400, code: 'NOTE_TOO_LONG', message: 'A note has at most 5 characters' });
    expect(units.committed).toEqual([]);
    expect(await add('ok', 'm-3')).toMatchObject({ ok: true }); // the failed id was not claimed: a retry applies
  });

  it('answers a code missing from the table as a 500, never with the code as its message', () => {
    expect(ERRORS.toException(new DomainError('NOPE')))
      .toMatchObject({ status: 500, code: 'INTERNAL', message: 'Internal error' });
  });

  it('runs a query outside the inbox: a repeat runs again', async () => {
    await add('hi');
    const count = () => sut.handle(declarationOf(CountNotes), new CountNotes(), { principal, input: { text: 'hi' } }, message('q-1'));
    expect(await count()).toEqual({ ok: true, status: 200, body: { count: 1 } });
    expect(await count()).toEqual({ ok: true, status: 200, body: { count: 1 } });
    expect(units.inbox.size).toBe(1);
  });

  it('answers a principal-less query in the lab its input names, as that lab\'s system principal; its input still validated', async () => {
    await add('hi');
    const ask = (input: object) => sut.handle(declarationOf(CountDeviceNotes), new CountDeviceNotes(), { principal: null, input }, message('q-2', null));
    expect(await ask({ labId: 7, text: 'x' })).toEqual({ ok: true, status: 200, body: { labId: 7, sub: systemPrincipal(7).sub, count: 1 } });
    expect(await ask({ labId: 8, text: 'x' })).toMatchObject({ body: { labId: 8, count: 0 } });
    await expect(ask({ labId: '7', text: 'x' })).rejects.toMatchObject({ status: 400 });
  });

  it('applies an event once, as the system user of its lab: a repeat has no effect', async () => {
    const mirror = new MirrorNote();
    const spy = jest.spyOn(mirror, 'execute');
    const deliver = () => sut.handle(declarationOf(MirrorNote), mirror, { labId: 3, text: 'x' }, message('e-1', null));
    expect(await deliver()).toBeUndefined();
    await deliver();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toMatchObject({ labId: 3, principal: systemPrincipal(3), input: { labId: 3, text: 'x' } });
  });

  it('acknowledges an event the use case does not apply to without a unit: nothing claimed', async () => {
    const mirror = new MirrorNote();
    const spy = jest.spyOn(mirror, 'execute');
    await sut.handle(declarationOf(MirrorNote), mirror, { labId: 3, text: 'skip' }, message('e-2', null));
    expect(spy).not.toHaveBeenCalled();
    expect(units.inbox.size).toBe(0);
  });

  it('names the use case that declares nothing', () => {
    class Undeclared {}
    expect(() => declarationOf(Undeclared)).toThrow('Undeclared declares no @HandlesQuery, @HandlesCommand or @HandlesEvent');
  });
});

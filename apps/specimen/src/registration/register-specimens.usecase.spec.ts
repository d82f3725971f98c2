import { BillRegistered, systemPrincipal } from '@labflow/contracts';
import { commandFor } from '@labflow/platform/handling';
import { inMemorySpecimenUnit, LAB, PATIENT } from '../in-memory-specimen.fake';
import { RegisterSpecimensUseCase } from './register-specimens.usecase';

describe('RegisterSpecimensUseCase', () => {
  const bill = (specimenIds: string[]) => ({
    labId: LAB, billId: 7, patient: { patientId: PATIENT },
    samples: specimenIds.map((id, i) => ({ specimenId: id, sampleId: `S${i + 1}`, collectedAt: '2026-05-25T08:00:00Z' })),
  }) as unknown as BillRegistered;

  it('creates one available specimen per collected sample of the bill', async () => {
    const unit = inMemorySpecimenUnit();
    expect(await new RegisterSpecimensUseCase().execute(commandFor(systemPrincipal(LAB), bill(['s-1', 's-2'])), unit)).toBe(2);
    expect(unit.specimens.rows.map((s) => [s.id, s.lab_id, s.patient_id, s.bill_id, s.sample_id, s.status]))
      .toEqual([['s-1', LAB, PATIENT, 7, 'S1', 'available'], ['s-2', LAB, PATIENT, 7, 'S2', 'available']]);
  });

  it('keeps a specimen already known as it is stored', async () => {
    const unit = inMemorySpecimenUnit();
    await new RegisterSpecimensUseCase().execute(commandFor(systemPrincipal(LAB), bill(['s-1'])), unit);
    unit.specimens.rows[0].status = 'unsatisfactory';
    expect(await new RegisterSpecimensUseCase().execute(commandFor(systemPrincipal(LAB), bill(['s-1', 's-3'])), unit)).toBe(1);
    expect(unit.specimens.rows.map((s) => [s.id, s.status])).toEqual([['s-1', 'unsatisfactory'], ['s-3', 'available']]);
  });
});

import { clerkCommand, inMemorySpecimenUnit, LAB } from '../in-memory-specimen.fake';
import { UpsertLegalEntityUseCase } from './upsert-legal-entity.usecase';

describe('UpsertLegalEntityUseCase', () => {
  it('records the legal entity\'s status in the caller\'s lab only', async () => {
    const unit = inMemorySpecimenUnit();
    const view = await new UpsertLegalEntityUseCase().execute(clerkCommand({ clientId: 'le-9', status: 'SUSPENDED' as const }), unit);
    expect(view).toMatchObject({ id: 'le-9', status: 'SUSPENDED' });
    expect(await unit.parties.findLegalEntityStatus(LAB, 'le-9')).toBe('SUSPENDED');
    expect(await unit.parties.findLegalEntityStatus(52, 'le-9')).toBeNull();
  });
});

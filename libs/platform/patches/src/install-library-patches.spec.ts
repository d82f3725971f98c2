import { installLibraryPatches } from './install-library-patches';

describe('installLibraryPatches', () => {
  it('leaves a patch out, and says so, on a release it was not written for', () => {
    const warnings: string[] = [];
    // on a fresh class-validator storage: the process's may carry another spec's install
    const shared = globalThis as { classValidatorMetadataStorage?: unknown };
    const saved = shared.classValidatorMetadataStorage;
    delete shared.classValidatorMetadataStorage;
    let outcomes: ReturnType<typeof installLibraryPatches>;
    try {
      outcomes = installLibraryPatches((m) => warnings.push(m), (pkg) => (pkg === 'kafkajs' ? '2.3.0' : '0.15.0'));
    } finally {
      shared.classValidatorMetadataStorage = saved;
    }
    expect(outcomes.map((o) => [o.patch, o.installed])).toEqual([['class-validator metadata cache', false], ['kafkajs idle timer fix', false]]);
    expect(warnings).toEqual([
      'class-validator metadata cache not installed: written for 0.14.4, found 0.15.0',
      'kafkajs idle timer fix not installed: written for 2.2.4, found 2.3.0',
    ]);
  });

  it('installs both on the releases they were written for', () => {
    const warnings: string[] = [];
    expect(installLibraryPatches((m) => warnings.push(m)).every((o) => o.installed)).toBe(true);
    expect(warnings).toEqual([]);
  });
});

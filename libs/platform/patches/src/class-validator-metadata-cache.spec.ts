import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, ValidateNested } from 'class-validator';
import { validatePayload } from '@labflow/contracts';
import { installValidationMetadataCache, PATCHED_CLASS_VALIDATOR_RELEASE } from './class-validator-metadata-cache';
import { installedRelease } from './installed-release';

class Part {
  @IsInt() index!: number;
}

class Base {
  @IsString() name!: string;
}

class Whole extends Base {
  @IsInt() labId!: number;
  @ValidateNested({ each: true }) @Type(() => Part) parts!: Part[];
}

describe('validation metadata cache (installLibraryPatches)', () => {
  const lookup = () => getMetadataStorage().getTargetValidationMetadatas(Whole, '', false, false, undefined);

  it('is not installed by importing a library', () => {
    // A fresh class-validator storage (the process's may carry another spec's install), then the libraries.
    const shared = globalThis as { classValidatorMetadataStorage?: unknown };
    const saved = shared.classValidatorMetadataStorage;
    delete shared.classValidatorMetadataStorage;
    try {
      jest.isolateModules(() => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        const fresh = (require('class-validator') as typeof import('class-validator')).getMetadataStorage();
        require('@labflow/contracts');
        require('@labflow/platform/kafka');
        /* eslint-enable @typescript-eslint/no-require-imports */
        expect((fresh as unknown as Record<symbol, unknown>)[Symbol.for('labflow.validationMetadataCache')]).toBeUndefined();
      });
    } finally {
      shared.classValidatorMetadataStorage = saved;
    }
  });

  it('is written for the installed class-validator: another release needs its internals read again (then this constant moved)', () => {
    expect(installedRelease('class-validator')).toBe(PATCHED_CLASS_VALIDATOR_RELEASE);
    expect(installValidationMetadataCache()).toBe(true);
  });

  it('answers as class-validator does: own, inherited and nested rules, and whitelisting', () => {
    for (let i = 0; i < 3; i++) {
      expect(validatePayload(Whole, { name: 'CBC', labId: 5, parts: [{ index: 1 }] }).problems).toEqual([]);
      const bad = validatePayload(Whole, { name: 7, labId: 'x', parts: [{ index: 'y' }], extra: true });
      expect(bad.problems.join('; ')).toMatch(/name must be a string/);
      expect(bad.problems.join('; ')).toMatch(/labId must be an integer/);
      expect(bad.problems.join('; ')).toMatch(/index must be an integer/);
      expect(bad.problems.join('; ')).toMatch(/property extra should not exist/);
    }
  });

  it('looks the rules of a class up once', () => {
    expect(lookup()).toBe(lookup());
  });

  it('forgets what it remembered when a rule is added later, so the new rule applies', () => {
    const before = lookup();
    expect(validatePayload(Whole, { name: 'CBC', labId: 5, parts: [], late: 'x' }).problems.join()).toMatch(/property late should not exist/);
    IsInt()(Whole.prototype, 'late');
    expect(lookup()).not.toBe(before);
    expect(validatePayload(Whole, { name: 'CBC', labId: 5, parts: [], late: 'x' }).problems.join()).toMatch(/late must be an integer/);
  });
});

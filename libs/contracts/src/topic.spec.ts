import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { validatePayload } from './topic';

class Inner {
  @IsString() e!: string;
}

class Outer {
  @ValidateNested() @Type(() => Inner) data!: Inner;
}

describe('validatePayload messages', () => {
  it('names a nested field by its path, even a one-letter one', () => {
    expect(validatePayload(Outer, { data: { e: 1 } }).problems).toEqual(['data.e must be a string']);
    expect(validatePayload(Outer, { data: { e: 'x', p: 1 } }).problems).toEqual(['property data.p should not exist']);
  });

  it('keeps top-level messages as class-validator words them', () => {
    expect(validatePayload(Outer, { data: { e: 'x' }, created_by: 7 }).problems).toEqual(['property created_by should not exist']);
  });
});

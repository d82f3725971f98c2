import { Type } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';

class SampleConfig {
  @IsString() NAME = 'default';
  @Type(() => Number) @IsInt() @Min(1) PORT = 3000;
}

describe('loadConfig', () => {
  it('takes defaults and converts environment strings', () => {
    expect(loadConfig('sut', SampleConfig, { PORT: '4000' })).toEqual({ NAME: 'default', PORT: 4000 });
  });

  it('stops with a clear message naming the bad setting', () => {
    expect(() => loadConfig('sut', SampleConfig, { PORT: '0' })).toThrow(ConfigError);
    expect(() => loadConfig('sut', SampleConfig, { PORT: 'abc' })).toThrow(/sut: invalid configuration:\n {2}- PORT must/);
  });
});

import { CommonConfig } from './common.config';
import { ConfigError, loadConfig } from './load-config';

describe('CommonConfig tracing settings', () => {
  it('exports no traces unless told to', () => {
    const config = loadConfig('sut', CommonConfig, {});
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('');
    expect(config.TRACES_FILE_DIR).toBe('');
  });

  it('takes a collector URL, with or without a domain, and stops on anything else', () => {
    expect(loadConfig('sut', CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' }).OTEL_EXPORTER_OTLP_ENDPOINT)
      .toBe('http://otel-collector:4318');
    expect(loadConfig('sut', CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://127.0.0.1:4318/' }).OTEL_EXPORTER_OTLP_ENDPOINT)
      .toBe('https://127.0.0.1:4318/');
    expect(() => loadConfig('sut', CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' })).toThrow(ConfigError);
    expect(() => loadConfig('sut', CommonConfig, { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});

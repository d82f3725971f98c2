import { DEFAULT_PORTS, ServiceConfig } from '@labflow/platform/service';

export class VerificationConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.verification;
}

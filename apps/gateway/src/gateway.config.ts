import { IsOptional, IsString, MinLength } from 'class-validator';
import { ServiceConfig } from '@labflow/platform/service';

export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;
  /** Dev/test HS256 secret; production sets JWKS_URL instead. */
  @IsOptional() @IsString() @MinLength(16) JWT_SECRET: string = 'labflow-local-development-secret';
  @IsOptional() @IsString() JWKS_URL = '';
  @IsOptional() @IsString() JWT_ISSUER = '';
  @IsOptional() @IsString() JWT_AUDIENCE = '';
}

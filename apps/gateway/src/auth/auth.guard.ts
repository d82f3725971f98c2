import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_MESSAGES, TokenVerifier } from '@labflow/platform/auth';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';

/** Bearer JWT on every route not marked @Public(); scope check after the token (seed 003 order). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : null;
    const principal = token ? await this.verifier.verify(token) : null;
    if (!principal) {
      throw new HttpException(
        { statusCode: 401, message: AUTH_MESSAGES.invalidToken, code: 'INVALID_TOKEN', wwwAuthenticate: 'Bearer error="invalid_token"' },
        HttpStatus.UNAUTHORIZED,
      );
    }
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [];
    const missing = required.filter((s) => !principal.scopes.includes(s));
    if (missing.length > 0) {
      throw new HttpException(
        {
          statusCode: 403, message: AUTH_MESSAGES.missingScopes(missing), code: 'INSUFFICIENT_SCOPE',
          wwwAuthenticate: `Bearer error="insufficient_scope", scope="${missing.join(' ')}"`,
        },
        HttpStatus.FORBIDDEN,
      );
    }
    request.principal = principal;
    return true;
  }
}

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@labflow/contracts';

export { IS_PUBLIC, Public, REQUIRED_SCOPES, RequireScopes } from '@labflow/platform/auth';

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  id: string;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});

import { ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LabflowClaims, signDevToken, TokenVerifier } from '@labflow/platform/auth';
import { IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';
import { AuthGuard } from './auth.guard';

function contextWith(headers: Record<string, string>, metadata: Record<string, unknown>) {
  const request: Record<string, unknown> = { headers };
  const handler = () => undefined;
  const reflector = new Reflector();
  jest.spyOn(reflector, 'getAllAndOverride').mockImplementation((key: unknown) => metadata[key as string]);
  const ctx = {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { ctx, reflector, request };
}

const SECRET = 'unit-test-secret-of-enough-length';
const tokenFor = (claims: Partial<LabflowClaims> & { lab_id: number }) =>
  signDevToken(SECRET, { sub: '7', login_type: 'lab_user', ...claims });

describe('AuthGuard', () => {
  const verifier = new TokenVerifier({ hsSecret: SECRET });

  it('lets a public route through without a token', async () => {
    const { ctx, reflector } = contextWith({}, { [IS_PUBLIC]: true });
    await expect(new AuthGuard(reflector, verifier).canActivate(ctx)).resolves.toBe(true);
  });

  it('answers 401 "Invalid access token" without a bearer token', async () => {
    const { ctx, reflector } = contextWith({}, {});
    const error = await new AuthGuard(reflector, verifier).canActivate(ctx).catch((e: HttpException) => e);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(401);
    expect((error as HttpException).getResponse()).toMatchObject({ message: 'Invalid access token' });
  });

  it('answers 403 with the specimen spec message when the scope is missing', async () => {
    const token = await tokenFor({ lab_id: 5, scope: 'report:read' });
    const { ctx, reflector } = contextWith({ authorization: `Bearer ${token}` }, { [REQUIRED_SCOPES]: ['specimen:process'] });
    const error = (await new AuthGuard(reflector, verifier).canActivate(ctx).catch((e: HttpException) => e)) as HttpException;
    expect(error.getStatus()).toBe(403);
    expect(error.getResponse()).toMatchObject({
      message: 'Your scope does not allow to access this resource. Missing allowances: specimen:process',
      wwwAuthenticate: 'Bearer error="insufficient_scope", scope="specimen:process"',
    });
  });

  it('attaches the principal when the token carries the scope', async () => {
    const token = await tokenFor({ lab_id: 5, sub: '42', scope: 'specimen:process other', department_ids: [3] });
    const { ctx, reflector, request } = contextWith({ authorization: `Bearer ${token}` }, { [REQUIRED_SCOPES]: ['specimen:process'] });
    await expect(new AuthGuard(reflector, verifier).canActivate(ctx)).resolves.toBe(true);
    expect(request.principal).toMatchObject({ sub: '42', labId: 5, scopes: ['specimen:process', 'other'], departmentIds: [3] });
  });
});

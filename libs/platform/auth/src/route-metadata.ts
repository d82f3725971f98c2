import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'labflow:public';
export const REQUIRED_SCOPES = 'labflow:scopes';

/** The route authenticates by other means (an analyzer's deviceAuth) or is open (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** OAuth scopes the token must carry, e.g. `specimen:process` (seed 003). */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);

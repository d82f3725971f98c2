/** seed 003 wording, used for every protected route (DESIGN §4). */
export const AUTH_MESSAGES = {
  invalidToken: 'Invalid access token',
  missingScopes: (scopes: string[]) => `Your scope does not allow to access this resource. Missing allowances: ${scopes.join(', ')}`,
} as const;

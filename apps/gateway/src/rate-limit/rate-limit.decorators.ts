import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_KEY = 'labflow:rate-limit-key';

/**
 * The route is limited per device token (the `deviceAuth` of its body) instead of per caller: an
 * analyzer authenticates by its token, not by a bearer JWT.
 */
export const RateLimitedPerDevice = () => SetMetadata(RATE_LIMIT_KEY, 'device');

export * from './claims';
export * from './token-verifier';
export * from './token-signer';
export * from './messages';
export * from './route-metadata';

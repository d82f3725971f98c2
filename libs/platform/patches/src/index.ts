export * from './install-library-patches';
export * from './class-validator-metadata-cache';
export * from './kafkajs-idle-timer-fix';
export * from './installed-release';

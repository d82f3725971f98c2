export const APP_CONFIG = Symbol('APP_CONFIG');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const REDIS = Symbol('REDIS');
export const ELASTICSEARCH = Symbol('ELASTICSEARCH');
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');

/** The validated configuration object of the hosted service (also injectable by its own config class). */
export const SERVICE_CONFIG = Symbol('ServiceConfig');
export const KAFKA = Symbol('Kafka');
export const MESSAGE_PUBLISHER = Symbol('MessagePublisher');

// class-transformer's @Type reads decorator metadata: load the polyfill for every consumer of the contracts.
import 'reflect-metadata';

export * from './topics';
export * from './envelope/envelope';
export * from './envelope/event-id';
export * from './catalog';
export * from './decode';
export * from './contact-fields';
export * from './events/channel-message-received.v1';
export * from './events/petition-received.v1';
export * from './events/petition-assigned.v1';
export * from './events/work-order-issued.v1';
export * from './events/department-responses.v1';
export * from './events/deadline-events.v1';
export * from './events/deadline-ladder.v1';
export * from './events/petition-reviewed.v1';
export * from './events/record-published.v1';
export * from './http/channel-signature';
export * from './http/demo-channel-credentials';

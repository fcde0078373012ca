export * from './common.js';
export * from './catalog.js';
export * from './eligibility.js';
export * from './financing.js';
export * from './incubators.js';
export * from './api.js';
export * from './messages.js';
export * from './records.js';

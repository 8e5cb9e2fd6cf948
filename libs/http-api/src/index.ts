export * from './problem-details';
export * from './problem.exception';
export * from './problem-details.filter';
export * from './validation';
export * from './correlation.middleware';
export * from './service-app';

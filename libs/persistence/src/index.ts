export * from './database-options';
export * from './database.providers';
export * from './database-admin';
export * from './pg-errors';
export * from './snake-naming.strategy';
export * from './migrate-cli';
export * from './keyset-position';
export * from './group-commit';

// Shared kernel: the only door into libs/shared.
export * from './domain/domain-error';
export * from './domain/clock';
export * from './application/unit-of-work';
export * from './config/app-config';
export * from './config/config.module';
export * from './infrastructure/database/persistence-contribution';
export * from './infrastructure/database/data-source-options';
export * from './infrastructure/database/database-errors';
export * from './infrastructure/database/database.module';
export * from './infrastructure/database/typeorm-unit-of-work';
export * from './interface/http/error-body';
export * from './interface/http/domain-exception.filter';
export * from './interface/http/validation.pipe';
export * from './interface/http/validated-field.decorator';
export * from './interface/http/error-responses';

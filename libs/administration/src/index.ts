// The only door into the administration context.
export { AdministrationModule, type AdministrationModuleOptions } from './administration.module';
export { administrationPersistence } from './infrastructure/persistence/administration.persistence';
export { CreateAdminHandler, type NewAdmin } from './application/create-admin/create-admin.handler';
export { ChangeAdminRoleHandler } from './application/change-admin-role/change-admin-role.handler';
export { CLI_REQUEST, type AdminRequest } from './application/admin-request';

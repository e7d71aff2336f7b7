/** The words for roles, audit kinds and account refusals, as dictionary keys: shared by the pages of accounts and the audit trail. */
import type { MessageKey } from './i18n';
import type { AuditKind, Role } from './types/auth';

export const ROLE_KEY: Record<Role, MessageKey> = { viewer: 'roleViewer', editor: 'roleEditor', admin: 'roleAdmin' };

export const AUDIT_KIND_KEY: Record<AuditKind, MessageKey> = {
	import: 'auditKindImport',
	withdraw: 'auditKindWithdraw',
	status_confirm: 'auditKindStatusConfirm',
	status_correct: 'auditKindStatusCorrect',
	account_add: 'auditKindAccountAdd',
	account_change: 'auditKindAccountChange',
	account_disable: 'auditKindAccountDisable',
	login: 'auditKindLogin'
};

export const ACCOUNT_ERROR_KINDS = [
	'badName',
	'nameTaken',
	'passwordTooShort',
	'passwordTooLong',
	'badRole',
	'outsideScope',
	'self',
	'notFound'
] as const;
export type AccountErrorKind = (typeof ACCOUNT_ERROR_KINDS)[number];

export const ACCOUNT_ERROR_KEY: Record<AccountErrorKind, MessageKey> = {
	badName: 'accountErrorBadName',
	nameTaken: 'accountErrorNameTaken',
	passwordTooShort: 'accountErrorPasswordTooShort',
	passwordTooLong: 'accountErrorPasswordTooLong',
	badRole: 'accountErrorBadRole',
	outsideScope: 'accountErrorOutsideScope',
	self: 'accountErrorSelf',
	notFound: 'accountErrorNotFound'
};

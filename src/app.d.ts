import type { Lang } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			/** English, for logs and tests; the error page words `kind` in the UI language when it is set. */
			message: string;
			id?: string;
			/** A bad URL parameter (400): its name, the kind of mistake and the values the text needs. */
			param?: string;
			kind?: import('$lib/errors').FilterErrorKind;
			values?: import('$lib/errors').ErrorValues;
		}
		interface Locals {
			lang: Lang;
			/** The id in this request's log line and X-Request-Id header (also in an error page). */
			requestId?: string;
			/** A 4xx's message from handleError, for the request's log line. */
			failure?: string;
			/** The database's data version, read for a cacheable request: loaders may keep answers for it. */
			dataVersion?: number;
			/** The ETag hooks.server.ts gives a page it caches (data version, build, account): Kit's own is then skipped. */
			etag?: string;
			/** The account of a valid session (src/lib/server/auth); absent for an anonymous request. */
			user?: import('$lib/types/auth').SessionUser;
			/**
			 * What this request may read when reading needs an account (JINDU_READ=login): the organizations
			 * under the account's grants, and the first grant's (the default scope). Absent when reading is open.
			 */
			readable?: { ids: number[]; first: number | null };
		}
	}
}

export {};

import type { Lang } from '$lib/i18n';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			lang: Lang;
			/** The id in this request's log line and X-Request-Id header (also in an error page). */
			requestId?: string;
			/** A 4xx's message from handleError, for the request's log line. */
			failure?: string;
		}
	}
}

export {};

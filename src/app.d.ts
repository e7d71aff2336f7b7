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
		}
	}
}

export {};

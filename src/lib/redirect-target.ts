/**
 * Where a "return to the page you were on" parameter may send the browser. Browsers drop tab,
 * CR and LF from a Location and read a backslash as a slash, so `/\t/evil.example/` leaves the
 * site even though it starts with one slash; and a header value with CR, LF or non-ASCII text
 * cannot be sent at all (a 500 before). Hence the target is checked twice: only printable ASCII
 * with no backslash, and it must parse, against the site's own origin, back to that origin.
 */

/** Printable ASCII without space or backslash: what a percent-encoded path and query consist of. */
const PLAIN_PATH = /^\/[!-[\]-~]*$/;

/**
 * The same-origin path (with query and fragment) to redirect to, normalised as the URL parser
 * reads it; `/` for anything else: missing, absolute or scheme-relative, control characters,
 * backslashes, non-ASCII.
 */
export function sameOriginPath(target: string | null | undefined, origin: string): string {
	if (!target || !PLAIN_PATH.test(target) || target.startsWith('//')) return '/';
	let parsed: URL;
	try {
		parsed = new URL(target, origin);
	} catch {
		return '/';
	}
	if (parsed.origin !== new URL(origin).origin) return '/';
	return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

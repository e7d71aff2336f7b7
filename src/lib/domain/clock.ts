/**
 * When something happened, as the offices that read jindu tell time: Beijing time (UTC+8), computed from
 * the stored UTC instant alone, so the server's and the browser's rendering agree whatever their zones.
 */

/** 2025-01-25T02:00:00.000Z → 2025-01-25 10:00 (a stored instant without a zone is UTC). */
export function beijingTime(iso: string): string {
	const instant = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`);
	return new Date(instant + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

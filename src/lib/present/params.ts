/**
 * The presentation's own URL parameters, next to the shared filters of src/lib/filters.ts:
 * `slides` (which slides, in which order: a bookmarkable agenda), `auto` (seconds per slide),
 * `loop`, `scheme` (dark or light) and `print`. Parsed and validated like the filters: a bad value
 * is a FilterError that names the parameter, which the loader turns into a 400.
 *
 * `theme` is the 主题 filter here as on every page. Links made before the colour scheme had its own
 * name said `theme=dark|light`; `legacySchemeLocation` turns them into `scheme=` so they keep working.
 */
import { FilterError, serialiseFilters, type Filters } from '../filters';

/** Slide kinds in the default order. `categories` stands for one slide per category, `attention` and `quality` for as many pages as their lists need. */
export const SLIDE_KINDS = [
	'title',
	'kpi',
	'categories',
	'themes',
	'trend',
	'changes',
	'attention',
	'quality'
] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

/** Singular names a presenter is likely to type; they mean the same kind. */
const SLIDE_ALIASES: Record<string, SlideKind> = { category: 'categories', theme: 'themes', kpis: 'kpi' };

export const PRESENT_SCHEMES = ['dark', 'light'] as const;
export type PresentScheme = (typeof PRESENT_SCHEMES)[number];

export interface PresentParams {
	/** The agenda; null means every kind in the default order. A kind may appear twice (KPIs at the start and the end). */
	slides: SlideKind[] | null;
	/** Seconds per slide when advancing by itself; null when it does not. */
	auto: number | null;
	/** Start again at the first slide after the last one (auto-advance only). */
	loop: boolean;
	/** Colour scheme: dark suits a projector in a dim room; light a bright one. */
	scheme: PresentScheme;
	/** Every slide one below the other, one per A4 landscape page: the handout. */
	print: boolean;
}

export const PRESENT_KEYS = ['slides', 'auto', 'loop', 'scheme', 'print'] as const;

export const DEFAULT_PRESENT_PARAMS: PresentParams = {
	slides: null,
	auto: null,
	loop: false,
	scheme: 'dark',
	print: false
};

/** Longest agenda accepted: enough for any real meeting, small enough that a URL cannot ask for a huge deck. */
const MAX_AGENDA = 30;
const MAX_AUTO_SECONDS = 3600;

function isPresentScheme(value: string): value is PresentScheme {
	return (PRESENT_SCHEMES as readonly string[]).includes(value);
}

/**
 * Where an old link (`theme=dark|light` as the colour scheme) now points: the same query with that value
 * moved to `scheme`; null when the query has no such value. Other `theme` values are the 主题 filter.
 */
export function legacySchemeLocation(url: URL): string | null {
	const legacy = url.searchParams.getAll('theme').filter((v) => isPresentScheme(v.trim().toLowerCase()));
	if (legacy.length === 0) return null;
	const params = new URLSearchParams();
	for (const [key, value] of url.searchParams) {
		if (key === 'theme' && isPresentScheme(value.trim().toLowerCase())) continue;
		params.append(key, value);
	}
	if (!params.has('scheme')) params.set('scheme', legacy.at(-1)!.trim().toLowerCase());
	return `${url.pathname}?${params}`;
}

export function isSlideKind(value: unknown): value is SlideKind {
	return typeof value === 'string' && (SLIDE_KINDS as readonly string[]).includes(value);
}

function flag(params: URLSearchParams, key: string): boolean {
	const value = params.get(key)?.trim().toLowerCase();
	if (!value) return false;
	if (value === '1' || value === 'true') return true;
	if (value === '0' || value === 'false') return false;
	throw new FilterError(key, 'notFlag', { value });
}

/** Parses the presentation parameters; throws FilterError naming the first bad one (and, for `slides`, the bad kind). */
export function parsePresentParams(params: URLSearchParams): PresentParams {
	let slides: SlideKind[] | null = null;
	const slidesText = params.get('slides')?.trim();
	if (slidesText) {
		const items = slidesText
			.split(',')
			.map((item) => item.trim().toLowerCase())
			.filter(Boolean);
		if (items.length > MAX_AGENDA) throw new FilterError('slides', 'tooManyEntries', { max: MAX_AGENDA });
		slides = items.map((item) => {
			const kind = SLIDE_ALIASES[item] ?? item;
			if (!isSlideKind(kind))
				throw new FilterError('slides', 'notOneOf', { value: item, allowed: SLIDE_KINDS.join(', ') });
			return kind;
		});
		if (slides.length === 0) slides = null;
	}

	let auto: number | null = null;
	const autoText = params.get('auto')?.trim();
	if (autoText) {
		const seconds = Number(autoText);
		if (!/^\d{1,4}(\.\d{1,3})?$/.test(autoText) || (seconds !== 0 && seconds < 1) || seconds > MAX_AUTO_SECONDS) {
			throw new FilterError('auto', 'notSeconds', { value: autoText, max: MAX_AUTO_SECONDS });
		}
		auto = seconds === 0 ? null : seconds;
	}

	const scheme = params.get('scheme')?.trim().toLowerCase() || DEFAULT_PRESENT_PARAMS.scheme;
	if (!isPresentScheme(scheme))
		throw new FilterError('scheme', 'notOneOf', { value: scheme, allowed: PRESENT_SCHEMES.join(', ') });

	return {
		slides,
		auto,
		loop: flag(params, 'loop'),
		scheme,
		print: flag(params, 'print')
	};
}

/** The parameters that differ from the defaults, as query pairs in canonical order. */
function presentPairs(present: PresentParams): [string, string][] {
	const pairs: [string, string][] = [];
	if (present.slides) pairs.push(['slides', present.slides.join(',')]);
	if (present.auto !== null) pairs.push(['auto', String(present.auto)]);
	if (present.loop) pairs.push(['loop', '1']);
	if (present.scheme !== DEFAULT_PRESENT_PARAMS.scheme) pairs.push(['scheme', present.scheme]);
	if (present.print) pairs.push(['print', '1']);
	return pairs;
}

/**
 * A link to a presentation view (`/present`, `/present/presenter`) of these filters and parameters,
 * with `overrides` applied; the shared filters come first, as every other link writes them.
 */
export function presentHref(
	path: string,
	filters: Filters,
	present: PresentParams,
	overrides: Partial<PresentParams> = {}
): string {
	const params = new URLSearchParams(serialiseFilters(filters));
	for (const [key, value] of presentPairs({ ...present, ...overrides })) params.set(key, value);
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}

/**
 * Which charts offer "save as PNG": a page that wants it (the overview) names its scope once with
 * `offerChartImages`, and every chart under it gets the button with that scope in its image. The
 * handout and the slides do not, so paper and projector show no button.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol();

/** Offers the PNG button on every chart below; `scope` is read at click time, so it follows navigation. */
export function offerChartImages(scope: () => string): void {
	setContext(KEY, scope);
}

/** The scope of the page's charts, or undefined where the page offers no image. */
export function chartImageScope(): (() => string) | undefined {
	return getContext<(() => string) | undefined>(KEY);
}

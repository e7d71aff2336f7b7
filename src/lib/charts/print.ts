/**
 * Charts on a page made for printing (the handout) keep the server's SVG frame instead of
 * turning into a canvas: SVG prints as vectors and text at any resolution, and nobody clicks paper.
 */
import { getContext, setContext } from 'svelte';

const PRINTED = Symbol('jindu:printed-charts');

/** Marks the charts below the calling component as printed; call during its initialisation. */
export function printCharts(): void {
	setContext(PRINTED, true);
}

/** Whether the calling chart is below a component that called printCharts. */
export function chartsArePrinted(): boolean {
	return getContext<boolean | undefined>(PRINTED) === true;
}

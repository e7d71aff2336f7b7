import type { LayoutLoad } from './$types';

/** Slides and the presenter view show no site header or filter bar: the root layout reads `chrome`. */
export const load: LayoutLoad = () => ({ chrome: false });

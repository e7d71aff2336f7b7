/**
 * A deck never shows the same list twice: on the bundled report every task that needs attention also
 * carries a data-quality flag, so the 数据质量提示 slides repeated the 需要关注 slides task for task.
 */
import type { Slide } from './slides';

/** The tasks a slide's content is (a task-list slide lists nothing else); null for slides that are more. */
function listedTasks(slide: Slide): { total: number; ids: number[] } | null {
	return slide.kind === 'attention' || slide.kind === 'quality'
		? { total: slide.total, ids: slide.tasks.map((task) => task.taskId) }
		: null;
}

/**
 * The slides without any run of one kind whose tasks (the same total, the same tasks listed) an earlier
 * run of another kind already showed. Slides that are more than a list are kept.
 */
export function withoutRepeats(slides: Slide[]): Slide[] {
	const runs = new Map<string, { total: number; ids: Set<number> }>();
	for (const slide of slides) {
		const listed = listedTasks(slide);
		if (!listed) continue;
		const run = runs.get(slide.kind) ?? { total: listed.total, ids: new Set<number>() };
		for (const id of listed.ids) run.ids.add(id);
		runs.set(slide.kind, run);
	}
	const same = (a: { total: number; ids: Set<number> }, b: { total: number; ids: Set<number> }) =>
		a.total === b.total && a.ids.size === b.ids.size && [...a.ids].every((id) => b.ids.has(id));
	const kinds = [...runs.keys()];
	const repeated = new Set(
		kinds.filter(
			(kind, i) => runs.get(kind)!.ids.size > 0 && kinds.slice(0, i).some((k) => same(runs.get(k)!, runs.get(kind)!))
		)
	);
	return slides.filter((slide) => !repeated.has(slide.kind));
}

/**
 * How statuses look on charts: colour from the domain map, plus a decal pattern per status so
 * status is never told by colour alone, and a lighter, dashed look for inferred statuses.
 */
import { STATUS_COLOR, type Status, type StatusSource } from '$lib/domain/status';
import type { ChartLook } from './look';

type Decal = {
	symbol: string;
	symbolSize: number;
	dashArrayX: number | number[];
	dashArrayY: number | number[];
	rotation?: number;
	color: string;
};

const DECAL: Record<Status, Decal | undefined> = {
	completed: undefined,
	ahead: {
		symbol: 'triangle',
		symbolSize: 0.6,
		dashArrayX: [4, 4],
		dashArrayY: [4, 4],
		color: 'rgba(255,255,255,0.55)'
	},
	on_track: {
		symbol: 'circle',
		symbolSize: 0.5,
		dashArrayX: [4, 4],
		dashArrayY: [4, 4],
		color: 'rgba(255,255,255,0.55)'
	},
	behind: {
		symbol: 'rect',
		symbolSize: 1,
		dashArrayX: [1, 0],
		dashArrayY: [2, 5],
		rotation: -Math.PI / 4,
		color: 'rgba(255,255,255,0.6)'
	},
	not_started: {
		symbol: 'rect',
		symbolSize: 1,
		dashArrayX: [1, 0],
		dashArrayY: [2, 5],
		rotation: 0,
		color: 'rgba(255,255,255,0.6)'
	},
	unknown: { symbol: 'rect', symbolSize: 1, dashArrayX: [2, 4], dashArrayY: [2, 4], color: 'rgba(255,255,255,0.5)' }
};

/** The pattern a status's slices and bars carry over their colour; none for completed. */
export function statusDecal(status: Status): Decal | undefined {
	return DECAL[status];
}

/**
 * With a `look` (slides, print), inferred stays more opaque (half-transparent colour turns murky on
 * a dark projector background) and decals and borders grow with the type, so they survive a projector's blur.
 */
export function statusItemStyle(status: Status, source: StatusSource, look?: ChartLook) {
	const inferred = source === 'inferred';
	const decal = DECAL[status];
	const grow = look ? 2 * look.scale : 1;
	return {
		color: STATUS_COLOR[status],
		opacity: inferred ? (look ? (look.dark ? 0.8 : 0.65) : 0.5) : 1,
		borderColor: STATUS_COLOR[status],
		borderWidth: inferred ? grow : 0,
		borderType: 'dashed' as const,
		decal:
			decal && look
				? { ...decal, dashArrayX: scaleDash(decal.dashArrayX, grow), dashArrayY: scaleDash(decal.dashArrayY, grow) }
				: (decal ?? { symbol: 'none' })
	};
}

function scaleDash(dash: number | number[], by: number): number | number[] {
	return Array.isArray(dash) ? dash.map((d) => d * by) : dash * by;
}

/** Text from reports goes into ECharts' HTML tooltips; it must arrive there as text. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

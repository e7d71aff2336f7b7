/**
 * How statuses look on charts: colour from the domain map, plus a decal pattern per status so
 * status is never told by colour alone, and a lighter, dashed look for inferred statuses.
 */
import { STATUS_COLOR, type Status, type StatusSource } from '$lib/domain/status';

type Decal = { symbol: string; symbolSize: number; dashArrayX: number | number[]; dashArrayY: number | number[]; rotation?: number; color: string };

const DECAL: Record<Status, Decal | undefined> = {
	completed: undefined,
	ahead: { symbol: 'triangle', symbolSize: 0.6, dashArrayX: [4, 4], dashArrayY: [4, 4], color: 'rgba(255,255,255,0.55)' },
	on_track: { symbol: 'circle', symbolSize: 0.5, dashArrayX: [4, 4], dashArrayY: [4, 4], color: 'rgba(255,255,255,0.55)' },
	behind: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' },
	not_started: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0, color: 'rgba(255,255,255,0.6)' },
	unknown: { symbol: 'rect', symbolSize: 1, dashArrayX: [2, 4], dashArrayY: [2, 4], color: 'rgba(255,255,255,0.5)' }
};

export function statusItemStyle(status: Status, source: StatusSource) {
	const inferred = source === 'inferred';
	return {
		color: STATUS_COLOR[status],
		opacity: inferred ? 0.5 : 1,
		borderColor: STATUS_COLOR[status],
		borderWidth: inferred ? 1 : 0,
		borderType: 'dashed' as const,
		decal: DECAL[status] ?? { symbol: 'none' }
	};
}

/** Text from reports goes into ECharts' HTML tooltips; it must arrive there as text. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

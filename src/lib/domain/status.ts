/**
 * The status vocabulary of DESIGN.md: one place for order, grouping, labels and colours.
 * Everything that shows or counts a status reads it from here.
 */

export const STATUSES = ['completed', 'ahead', 'on_track', 'behind', 'not_started', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

/** Where an update's status came from: a status column, inference from free text, or a person. */
export const STATUS_SOURCES = ['reported', 'inferred', 'confirmed'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/** The coarse grouping leadership reads: done, on track, needs attention, or shown apart. */
export type StatusGroup = 'done' | 'on_track' | 'attention' | 'unknown';

export const STATUS_GROUP: Record<Status, StatusGroup> = {
	completed: 'done',
	ahead: 'on_track',
	on_track: 'on_track',
	behind: 'attention',
	not_started: 'attention',
	unknown: 'unknown'
};

export const STATUS_LABEL: Record<'zh' | 'en', Record<Status, string>> = {
	zh: {
		completed: '已完成',
		ahead: '超进度',
		on_track: '达进度',
		behind: '欠进度',
		not_started: '未启动',
		unknown: '无法判断'
	},
	en: {
		completed: 'Completed',
		ahead: 'Ahead',
		on_track: 'On track',
		behind: 'Behind',
		not_started: 'Not started',
		unknown: 'Unknown'
	}
};

/** Colours chosen to stay distinct for red–green colour blindness and on a projector. */
export const STATUS_COLOR: Record<Status, string> = {
	completed: '#1a7f37',
	ahead: '#0969da',
	on_track: '#54aeff',
	behind: '#d1242f',
	not_started: '#bf8700',
	unknown: '#8c959f'
};

export function isStatus(value: unknown): value is Status {
	return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export function isStatusSource(value: unknown): value is StatusSource {
	return typeof value === 'string' && (STATUS_SOURCES as readonly string[]).includes(value);
}

/** Sort key in the dashboard's status order (completed first, unknown last). */
export function statusRank(status: Status): number {
	return STATUSES.indexOf(status);
}

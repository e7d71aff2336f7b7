/**
 * One task's change between two of its periods, as its page shows it: the kind of change and the diff of the
 * two status texts. The periods are the list's (the selected one and `since`) when the task has an update in
 * the selected one; else, for a task opened from another year, its latest period and the one before it.
 */
import { changeKind, type ChangeKind } from './changes';
import { periodBefore, type StoredPeriod } from './period';
import type { Status } from './status';
import { diffStatusTexts, type DiffPart } from './text-diff';

/** What the rule reads of an update (TaskUpdate has it). */
export interface ChangeUpdate extends StoredPeriod {
	periodId: number;
	status: Status;
	statusText: string | null;
	supersededAt: string | null;
}

export interface TaskChange {
	from: ChangeUpdate | null;
	to: ChangeUpdate;
	kind: ChangeKind;
	/** Null when either period has no status text. */
	diff: DiffPart[] | null;
}

/** Null when the task has no current update at all. */
export function taskChange<U extends ChangeUpdate>(
	history: readonly U[],
	selectedPeriodId: number | null,
	sincePeriodId: number | null
): TaskChange | null {
	const current = history.filter((u) => u.supersededAt === null);
	const selected = current.find((u) => u.periodId === selectedPeriodId);
	const to = selected ?? current.reduce<U | null>((a, u) => (a && a.monthEnd >= u.monthEnd ? a : u), null);
	if (!to) return null;
	const from = selected ? (current.find((u) => u.periodId === sincePeriodId) ?? null) : periodBefore(current, to);
	return {
		from,
		to,
		kind: changeKind(from?.status ?? null, to.status),
		diff: from?.statusText && to.statusText ? diffStatusTexts(from.statusText, to.statusText) : null
	};
}

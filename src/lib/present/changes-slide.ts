/**
 * The 变化情况 slide: the tasks counted by kind of change since the earlier period, and the first tasks behind
 * for several periods in a row. Its notes are a summary a person can say in a minute: the counts, and the few
 * tasks behind longest by name, the rest counted.
 */
import { CHANGE_LABEL, CHANGED_KINDS, type ChangeCounts, type ChangeKind } from '../domain/changes';
import { periodName } from '../domain/period';
import { fill, messages, type Lang } from '../i18n';
import type { LongBehindTask } from '../types/changes';
import type { DeckInput } from './slides';

/** Tasks behind longest named on the slide: each row a fixed share of it, so the slide never overflows. */
export const CHANGES_SLIDE_TASKS = 5;
/** ...and in its notes. */
const NOTES_TASKS = 3;

export interface ChangesSlide {
	key: string;
	kind: 'changes';
	title: string;
	notes: string[];
	/** The two periods compared, named; `since` is null when the year has no earlier period. */
	period: string;
	since: string | null;
	counts: ChangeCounts;
	/** The fewest periods in a row listed, the first tasks and how many there are. */
	longBehind: { min: number; tasks: LongBehindTask[]; total: number };
}

export function changesSlides(input: DeckInput): ChangesSlide[] {
	const data = input.changeSummary;
	// Nothing to compare and nobody behind for long: a slide that only says so is left out of the deck.
	if (!data || (!data.since && data.longBehind.total === 0)) return [];
	const lang = input.lang;
	const t = messages[lang];
	const slide: ChangesSlide = {
		key: 'changes',
		kind: 'changes',
		title: t.changesHeading,
		notes: [],
		period: periodName(data.period, lang),
		since: data.since ? periodName(data.since, lang) : null,
		counts: data.counts,
		longBehind: { ...data.longBehind, tasks: data.longBehind.tasks.slice(0, CHANGES_SLIDE_TASKS) }
	};
	return [{ ...slide, notes: changesNotes(slide, lang) }];
}

/** A task's name in the notes: long names end in an ellipsis, so five of them stay a minute's reading. */
function shortName(name: string): string {
	return name.length > NOTE_NAME ? `${name.slice(0, NOTE_NAME)}…` : name;
}
const NOTE_NAME = 40;

function changesNotes(slide: ChangesSlide, lang: Lang): string[] {
	const t = messages[lang];
	const [colon, stop, open, close] = lang === 'zh' ? ['：', '。', '（', '）'] : [': ', '.', ' (', ')'];
	const counts = (kinds: readonly ChangeKind[]) =>
		kinds.map((k) => `${t[CHANGE_LABEL[k]]} ${slide.counts[k]}`).join(t.listSeparator);
	const notes = slide.since
		? [
				`${fill(t.changesSince, { period: slide.period, since: slide.since })}${colon}${counts(CHANGED_KINDS)}${t.listSeparator}${counts(['unchanged', 'unknown'])}${stop}`
			]
		: [t.changesNoEarlier];
	const { min, tasks, total } = slide.longBehind;
	const named = tasks
		.slice(0, NOTES_TASKS)
		.map((task) => `${shortName(task.name)}${open}${fill(t.longBehindPeriods, { n: task.periods })}${close}`);
	if (total === 0) notes.push(`${fill(t.longBehindHeading, { n: min })} 0${stop}`);
	else {
		const rest = total > named.length ? ` ${fill(t.moreNotListed, { n: total - named.length })}` : '';
		notes.push(`${fill(t.longBehindHeading, { n: min })} ${total}${colon}${named.join(t.listSeparator)}${stop}${rest}`);
	}
	return notes;
}

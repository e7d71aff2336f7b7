import { describe, expect, it } from 'vitest';
import type { Status } from '../domain/status';
import type { StatusChange, StatusChangeCount } from '../types/overview';
import { changeKind } from '../domain/changes';
import {
	NOTES_LIMIT,
	changeSeverity,
	fitNotes,
	nameList,
	notesLength,
	NOTES_TOP_CHANGES,
	changesIn,
	pairsToName,
	rankChanges,
	sentence,
	statusChangesOf,
	summariseChanges
} from './notes';

const change = (taskId: number, from: Status, to: Status, name = `任务${taskId}`, key = '甲'): StatusChange => ({
	taskId,
	name,
	key,
	from,
	to
});

/** Every change counted and named. */
const all = (changes: StatusChange[]) => statusChangesOf(changes);

describe('changeSeverity', () => {
	it.each([
		['completed', 'behind', 5],
		['behind', 'completed', -5],
		['on_track', 'ahead', -1],
		['not_started', 'behind', 1],
		['on_track', 'unknown', 1]
	] as const)('%s → %s: %i', (from, to, severity) => {
		expect(changeSeverity({ from, to })).toBe(severity);
	});
});

describe('rankChanges', () => {
	it('largest first, the worse of equal size first, then in the order given', () => {
		const changes = [
			change(1, 'on_track', 'ahead'),
			change(2, 'behind', 'completed'),
			change(3, 'on_track', 'behind'),
			change(4, 'behind', 'on_track'),
			change(5, 'completed', 'behind'),
			change(6, 'ahead', 'on_track')
		];
		expect(rankChanges(changes).map((c) => c.taskId)).toEqual([5, 2, 3, 4, 6, 1]);
	});
});

describe('summariseChanges', () => {
	it('names the five largest and counts the rest, worse and better', () => {
		const changes = [
			...Array.from({ length: 4 }, (_, i) => change(10 + i, 'on_track', 'ahead')),
			...Array.from({ length: 3 }, (_, i) => change(20 + i, 'ahead', 'on_track')),
			...Array.from({ length: 5 }, (_, i) => change(30 + i, 'completed', 'behind'))
		];
		expect(summariseChanges(all(changes), 'zh')).toEqual([
			'变化最大的 5 项：任务30（已完成 → 欠进度）、任务31（已完成 → 欠进度）、任务32（已完成 → 欠进度）、任务33（已完成 → 欠进度）、任务34（已完成 → 欠进度）。',
			'其余 7 项状态有变化：变差 3 项、好转 4 项。'
		]);
		expect(summariseChanges(all(changes.slice(0, 2)), 'en')).toEqual([
			'The 2 largest changes: 任务10 (On track → Ahead), 任务11 (On track → Ahead).'
		]);
	});

	it('names fewer when the names are long, and none when even one is too long', () => {
		const long = '很长的任务名称'.repeat(50);
		expect(
			summariseChanges(all([change(2, 'on_track', 'behind'), change(1, 'on_track', 'behind', long)]), 'zh')
		).toEqual(['变化最大的 1 项：任务2（达进度 → 欠进度）。', '其余 1 项状态有变化：变差 1 项。']);
		expect(
			summariseChanges(all([change(1, 'on_track', 'behind', long), change(2, 'on_track', 'behind')]), 'zh')
		).toEqual(['其余 2 项状态有变化：变差 2 项。']);
	});

	it('counts worse and better as the 变化情况 slide does, and a change to or from 无法判断 apart', () => {
		const changes = [
			...Array.from({ length: 5 }, (_, i) => change(30 + i, 'completed', 'behind')),
			change(1, 'not_started', 'behind'),
			change(2, 'behind', 'not_started'),
			change(3, 'on_track', 'unknown'),
			change(4, 'unknown', 'completed'),
			change(5, 'ahead', 'on_track')
		];
		// Started, though behind: 进步 on the changes slide (domain/changes.ts), so better here too.
		expect(changeKind('not_started', 'behind')).toBe('improved');
		expect(summariseChanges(all(changes), 'zh').at(-1)).toBe(
			'其余 5 项状态有变化：变差 2 项、好转 1 项、无法比较 2 项。'
		);
		expect(summariseChanges(all(changes), 'en').at(-1)).toBe(
			'5 more tasks changed status: 2 worse, 1 better, 2 not comparable.'
		);
	});

	it('says nothing when nothing changed', () => {
		expect(summariseChanges(all([]), 'zh')).toEqual([]);
	});
});

describe('statusChangesOf', () => {
	it('counts a list by category and pair, names every change, and knows the listed tasks’ earlier statuses', () => {
		const list = [
			change(1, 'on_track', 'behind'),
			change(2, 'on_track', 'behind', '任务2', '乙'),
			change(3, 'on_track', 'behind'),
			change(4, 'behind', 'completed')
		];
		const changes = statusChangesOf(list, [{ taskId: 3 }, { taskId: 9 }, { taskId: 4 }]);
		expect(changes.counts).toEqual([
			{ key: '甲', from: 'on_track', to: 'behind', count: 2 },
			{ key: '乙', from: 'on_track', to: 'behind', count: 1 },
			{ key: '甲', from: 'behind', to: 'completed', count: 1 }
		]);
		expect(changes.named).toBe(list);
		expect(changes.earlier).toEqual({ 3: 'on_track', 4: 'behind' });
	});
});

describe('pairsToName', () => {
	/** The first `limit` changes of each category and pair that `pairs` names, in the order given: what the loader fetches. */
	function fetched(changes: StatusChange[], pairs: ReturnType<typeof pairsToName>, limit: number): StatusChange[] {
		const taken = new Map<string, number>();
		return changes.filter((c) => {
			const pair = pairs.find((p) => p.from === c.from && p.to === c.to);
			if (!pair || (pair.keys !== null && !pair.keys.includes(c.key))) return false;
			const id = [c.key, c.from, c.to].join('|');
			const n = taken.get(id) ?? 0;
			taken.set(id, n + 1);
			return n < limit;
		});
	}

	it('names what the whole list would, for the scope and for each category, from far fewer changes', () => {
		const statuses: Status[] = ['completed', 'ahead', 'on_track', 'unknown', 'not_started', 'behind'];
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		const keys = ['甲', '乙', '丙', ''];
		let largest = 0;
		for (let round = 0; round < 300; round++) {
			// Some rounds a few changes, some many; some pairs common, some rare.
			const size = [3, 12, 40, 400][round % 4];
			const weights = statuses.map(() => 1 + random(6) ** 2);
			const pick = () => {
				let r = random(weights.reduce((a, b) => a + b, 0));
				return statuses[weights.findIndex((w) => (r -= w) < 0)];
			};
			const changes: StatusChange[] = [];
			for (let i = 0; changes.length < size; i++) {
				const [from, to] = [pick(), pick()];
				if (from !== to) changes.push(change(i, from, to, `任务${i}`, keys[random(keys.length)]));
			}
			const whole = all(changes);
			const slides = keys.slice(0, 1 + random(keys.length));
			const digest = {
				counts: whole.counts,
				named: fetched(changes, pairsToName(whole.counts, slides), NOTES_TOP_CHANGES)
			};
			for (const lang of ['zh', 'en'] as const) {
				expect(summariseChanges(digest, lang)).toEqual(summariseChanges(whole, lang));
				for (const key of slides)
					expect(summariseChanges(changesIn(digest, key), lang)).toEqual(summariseChanges(changesIn(whole, key), lang));
			}
			if (size === 400) largest = Math.max(largest, digest.named.length);
		}
		// Four lists of five at most for each pair it names, of 400 changes.
		expect(largest).toBeLessThan(120);
	});

	it('takes a rank whole, and the next ranks only until they hold five changes', () => {
		const counts: StatusChangeCount[] = [
			{ key: '甲', from: 'completed', to: 'behind', count: 2 },
			{ key: '乙', from: 'completed', to: 'behind', count: 1 },
			{ key: '甲', from: 'behind', to: 'completed', count: 9 },
			{ key: '甲', from: 'on_track', to: 'behind', count: 3 },
			{ key: '甲', from: 'completed', to: 'not_started', count: 1 }
		];
		// completed → behind (3 in all), then behind → completed; in 乙, every rank it has.
		expect(pairsToName(counts, ['乙'])).toEqual([
			{ from: 'completed', to: 'behind', keys: null },
			{ from: 'behind', to: 'completed', keys: null }
		]);
		expect(pairsToName(counts.slice(2), [])).toEqual([{ from: 'behind', to: 'completed', keys: null }]);
		expect(pairsToName(counts.slice(3), ['甲'])).toEqual([
			{ from: 'completed', to: 'not_started', keys: null },
			{ from: 'on_track', to: 'behind', keys: null }
		]);
		expect(pairsToName([], ['甲'])).toEqual([]);
	});
});

describe('nameList', () => {
	it.each([
		[['甲', '乙'], undefined, '甲、乙'],
		[['甲', '乙', '丙', '丁', '戊', '己'], undefined, '甲、乙、丙、丁、戊等 6 项'],
		[['甲'], 12, '甲等 12 项'],
		[[], 3, '3 项']
	])('%j of %s', (names, total, expected) => {
		expect(nameList(names, 'zh', total)).toBe(expected);
	});
});

describe('sentence', () => {
	it.each([
		['zh', '另有 3 项', '另有 3 项。'],
		['zh', '完成。', '完成。'],
		['en', '3 more', '3 more.'],
		['en', 'Done.', 'Done.']
	] as const)('%s %s', (lang, text, expected) => {
		expect(sentence(lang, text)).toBe(expected);
	});
});

describe('fitNotes', () => {
	const para = (n: number, char = '字') => `${char.repeat(n - 1)}。`;

	it('leaves notes within the limit as they are', () => {
		const notes = [para(300), para(299)];
		expect(notesLength(notes)).toBe(NOTES_LIMIT);
		expect(fitNotes(notes, 'zh')).toEqual(notes);
	});

	it('leaves out whole paragraphs, says how many, and stays within the limit', () => {
		const notes = [para(200, '甲'), para(300, '乙'), para(250, '丙'), para(50, '丁')];
		const fitted = fitNotes(notes, 'zh');
		expect(fitted).toEqual([notes[0], notes[1], notes[3], '另有 1 段说明从略，见幻灯片和任务列表。']);
		expect(notesLength(fitted)).toBeLessThanOrEqual(NOTES_LIMIT);
	});

	it('keeps the limit in English too, every paragraph a whole sentence', () => {
		const notes = Array.from({ length: 40 }, (_, i) => `Task ${i}: behind, was on track.`);
		const fitted = fitNotes(notes, 'en');
		expect(notesLength(fitted)).toBeLessThanOrEqual(NOTES_LIMIT);
		expect(fitted.at(-1)).toMatch(/^\d+ more notes left out here/);
		expect(fitted.every((p) => /[.。]$/.test(p))).toBe(true);
		expect(fitted.slice(0, -1)).toEqual(notes.slice(0, fitted.length - 1));
	});
});

import { describe, expect, it } from 'vitest';
import { countChangeFacts, countFacts, type UpdateFacts } from './fact-counts';

const fact = (over: Partial<UpdateFacts>): UpdateFacts => ({
	organizationId: 1,
	periodId: 9,
	status: 'on_track',
	statusSource: 'reported',
	categoryKey: '民生',
	categoryOrder: 2,
	themes: null,
	flagged: 0,
	ratio: null,
	earlier: 'on_track',
	change: 'unchanged',
	behindRun: 0,
	...over
});

describe('countFacts', () => {
	it('counts each owner, key, status and source apart, in the GROUP BY’s order, an update under each of its themes', () => {
		const facts = [
			fact({ themes: '7,3', ratio: 0.5, flagged: 1 }),
			fact({ organizationId: 2, themes: '3', ratio: 0.25 }),
			fact({ organizationId: 3, themes: '3', statusSource: 'inferred' }),
			fact({ organizationId: 4, status: 'behind', themes: null })
		];
		const owners = (id: number) => (id === 4 ? undefined : id === 1 ? 10 : 20);
		expect(
			countFacts(facts, 'theme', owners).map((c) => [c.owner, c.key, c.status, c.statusSource, c.taskCount])
		).toEqual([
			[20, '3', 'on_track', 'inferred', 1],
			[10, '3', 'on_track', 'reported', 1],
			[20, '3', 'on_track', 'reported', 1],
			[10, '7', 'on_track', 'reported', 1]
		]);
		const [all] = countFacts(facts.slice(0, 2), 'status');
		expect(all).toMatchObject({ owner: 0, key: '', taskCount: 2, flaggedCount: 1, ratioSum: 0.75, ratioCount: 2 });
	});

	it('keeps a category’s least position as its order', () => {
		const counted = countFacts(
			[fact({ categoryOrder: 5 }), fact({ categoryOrder: 1 }), fact({ categoryOrder: 3 })],
			'category'
		);
		expect(counted).toEqual([expect.objectContaining({ key: '民生', order: 1, taskCount: 3 })]);
	});

	it('refuses a status it does not know, naming it, rather than count it nowhere', () => {
		expect(() => countFacts([fact({ status: 'done' as never })], 'status')).toThrow(/status done \/ reported/);
	});
});

describe('countChangeFacts', () => {
	it('counts each organization, category and kind of change apart, by organization first', () => {
		const counted = countChangeFacts([
			fact({ organizationId: 2, change: 'improved' }),
			fact({ organizationId: 1, change: 'improved', categoryOrder: 4 }),
			fact({ organizationId: 1, change: 'improved', categoryOrder: 1 }),
			fact({ organizationId: 1, change: 'worsened' })
		]);
		expect(counted).toEqual([
			{ organizationId: 1, key: '民生', position: 1, change: 'improved', taskCount: 2 },
			{ organizationId: 1, key: '民生', position: 2, change: 'worsened', taskCount: 1 },
			{ organizationId: 2, key: '民生', position: 2, change: 'improved', taskCount: 1 }
		]);
	});
});

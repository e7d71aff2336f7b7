/**
 * Sample data (示例数据): the organizations marked is_sample and everything under them.
 * Removal takes them out in one transaction and touches nothing else: plans, sources,
 * categories, tasks, targets, themes of tasks, updates and flags go with their organization
 * through the schema's ON DELETE CASCADE.
 */
import type { DB } from '../db';
import { subtractPlans } from './rollups';
import { writeTransaction } from './write-transaction';

export interface SampleSummary {
	/** Names of the sample organizations, parents first. */
	organizations: string[];
	plans: number;
	sources: number;
	tasks: number;
	updates: number;
	flags: number;
	/** Report periods no other data uses any more, removed with the sample. */
	periods: number;
}

type Reader = Pick<DB, 'selectFrom'>;

async function count(query: Promise<{ n: number | string | bigint }>): Promise<number> {
	return Number((await query).n);
}

/** What the sample organizations hold; zeros when there are none. */
export async function summariseSampleData(db: Reader): Promise<Omit<SampleSummary, 'periods'>> {
	const organizations = await db
		.selectFrom('organizations')
		.select(['id', 'name'])
		.where('is_sample', '=', 1)
		.orderBy('id')
		.execute();
	const ids = organizations.map((o) => o.id);
	if (ids.length === 0) return { organizations: [], plans: 0, sources: 0, tasks: 0, updates: 0, flags: 0 };
	const plans = (qb: Reader) => qb.selectFrom('plans').select('plans.id').where('organization_id', 'in', ids);
	return {
		organizations: organizations.map((o) => o.name),
		plans: await count(
			db
				.selectFrom('plans')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('organization_id', 'in', ids)
				.executeTakeFirstOrThrow()
		),
		sources: await count(
			db
				.selectFrom('sources')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('plan_id', 'in', plans(db))
				.executeTakeFirstOrThrow()
		),
		tasks: await count(
			db
				.selectFrom('tasks')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('plan_id', 'in', plans(db))
				.executeTakeFirstOrThrow()
		),
		updates: await count(
			db
				.selectFrom('updates')
				.innerJoin('tasks', 'tasks.id', 'updates.task_id')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('tasks.plan_id', 'in', plans(db))
				.executeTakeFirstOrThrow()
		),
		flags: await count(
			db
				.selectFrom('quality_flags')
				.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
				.innerJoin('tasks', 'tasks.id', 'updates.task_id')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('tasks.plan_id', 'in', plans(db))
				.executeTakeFirstOrThrow()
		)
	};
}

/**
 * Deletes every sample organization and what it holds, in one transaction; returns what was
 * removed. Children go before parents (organizations.parent_id is ON DELETE RESTRICT). Fails,
 * removing nothing, if a real organization sits under a sample one.
 */
export async function removeSampleData(db: DB): Promise<SampleSummary> {
	return writeTransaction(db, async (trx) => {
		const summary = await summariseSampleData(trx);
		const periodIds = (
			await trx
				.selectFrom('sources')
				.innerJoin('plans', 'plans.id', 'sources.plan_id')
				.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
				.select('sources.period_id')
				.distinct()
				.where('organizations.is_sample', '=', 1)
				.execute()
		).map((r) => r.period_id);

		// Take the sample out of every rollup first: a sample organization's own rows go with it, but
		// an ancestor's would keep its numbers.
		const samplePlans = await trx
			.selectFrom('plans')
			.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
			.select('plans.id')
			.where('organizations.is_sample', '=', 1)
			.execute();
		await subtractPlans(
			trx,
			samplePlans.map((p) => p.id)
		);

		for (;;) {
			const deleted = await trx
				.deleteFrom('organizations')
				.where('is_sample', '=', 1)
				.where((eb) =>
					eb.not(
						eb.exists(
							eb
								.selectFrom('organizations as child')
								.select('child.id')
								.whereRef('child.parent_id', '=', 'organizations.id')
						)
					)
				)
				.executeTakeFirst();
			if (Number(deleted.numDeletedRows) === 0) break;
		}
		const left = await trx.selectFrom('organizations').select('name').where('is_sample', '=', 1).execute();
		if (left.length > 0) {
			throw new Error(
				`sample organizations ${left.map((o) => o.name).join(', ')} have real organizations under them; nothing was removed`
			);
		}

		// Periods the sample brought in and nothing else refers to: without them the period filters offer no empty quarters.
		let periods = 0;
		if (periodIds.length > 0) {
			const deleted = await trx
				.deleteFrom('periods')
				.where('id', 'in', periodIds)
				.where((eb) =>
					eb.not(
						eb.exists(eb.selectFrom('sources').select('sources.id').whereRef('sources.period_id', '=', 'periods.id'))
					)
				)
				.where((eb) =>
					eb.not(
						eb.exists(eb.selectFrom('updates').select('updates.id').whereRef('updates.period_id', '=', 'periods.id'))
					)
				)
				.executeTakeFirst();
			periods = Number(deleted.numDeletedRows);
		}
		return { ...summary, periods };
	});
}

/** What a page about one thing asks before showing it when reading needs an account: whose is it. */
import type { DB } from '../db';

/** The organization a task's plan belongs to, or undefined for no such task. */
export async function getTaskOrganizationId(db: DB, taskId: number): Promise<number | undefined> {
	const row = await db
		.selectFrom('tasks')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id')
		.select('plans.organization_id')
		.where('tasks.id', '=', taskId)
		.executeTakeFirst();
	return row?.organization_id;
}

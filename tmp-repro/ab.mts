import Database from 'better-sqlite3';
const db = new Database('bench/data/province.db', { readonly: true });
const base = (join: string) => `select updates.id from updates inner join tasks on tasks.id = updates.task_id inner join categories on categories.id = tasks.category_id inner join plans on plans.id = tasks.plan_id ${join} where updates.superseded_at is null and updates.period_id in (?) order by tasks.plan_id, tasks.position, tasks.id limit 50`;
const variants = {
	withOrg: base('inner join organizations on organizations.id = plans.organization_id'),
	without: base(''),
	noCatNoPlan: `select updates.id from updates inner join tasks on tasks.id = updates.task_id where updates.superseded_at is null and updates.period_id in (?) order by tasks.plan_id, tasks.position, tasks.id limit 50`
};
for (let round = 0; round < 3; round++)
	for (const [k, q] of Object.entries(variants)) {
		const st = db.prepare(q); const ts: number[] = [];
		for (let i = 0; i < 9; i++) { const a = performance.now(); st.all(20); ts.push(performance.now() - a); }
		ts.sort((a, b) => a - b); console.log(round, k, ts[4].toFixed(1));
	}

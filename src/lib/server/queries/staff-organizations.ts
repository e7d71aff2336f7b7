/** Organizations as staff pages pick them: the subtrees an account's grants cover, each named by its chain. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface OrganizationChoice {
	id: number;
	/** Names from the top down (杭州市 › 萧山区 › 新街街道). */
	chain: string[];
}

/** These organizations and everything below them, each once, ordered by chain. */
export async function listOrganizationsUnder(db: Kysely<Database>, rootIds: number[]): Promise<OrganizationChoice[]> {
	if (rootIds.length === 0) return [];
	const rows = await db
		.withRecursive('below(id)', (qb) =>
			qb
				.selectFrom('organizations')
				.select('id')
				.where('id', 'in', rootIds)
				.union((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('below', 'below.id', 'organizations.parent_id')
						.select('organizations.id')
				)
		)
		.withRecursive('up(start, id, parent_id, name, depth)', (qb) =>
			qb
				.selectFrom('organizations')
				.innerJoin('below', 'below.id', 'organizations.id')
				.select([
					'organizations.id as start',
					'organizations.id',
					'organizations.parent_id',
					'organizations.name',
					sql<number>`0`.as('depth')
				])
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('up', 'up.parent_id', 'organizations.id')
						.select([
							'up.start',
							'organizations.id',
							'organizations.parent_id',
							'organizations.name',
							sql<number>`up.depth + 1`.as('depth')
						])
				)
		)
		.selectFrom('up')
		.select(['start', 'name', 'depth'])
		.orderBy('start')
		.orderBy('depth', 'desc')
		.execute();
	const chains = new Map<number, string[]>();
	for (const row of rows) chains.set(row.start, [...(chains.get(row.start) ?? []), row.name]);
	return [...chains]
		.map(([id, chain]) => ({ id, chain }))
		.sort((a, b) => a.chain.join('/').localeCompare(b.chain.join('/'), 'zh'));
}

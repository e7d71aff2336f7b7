/**
 * Synthetic plans for query tests and benchmarks of the task explorer: many organizations,
 * tasks and quarterly updates, written straight through kysely (no parser), deterministic for
 * a seed. Not used by the app. Texts mix in the words the tests search for, so searches have
 * hits spread over the whole table.
 */
import type { DB } from '../db';
import { STATUSES, type Status, type StatusSource } from '../../domain/status';
import type { FlagKind } from '../../domain/flags';

export interface SyntheticOptions {
	/** Organizations, each with one plan, under the parent 合成市. */
	organizations: number;
	tasksPerPlan: number;
	year: number;
	/** Quarters each task has an update for, e.g. [1, 2, 3, 4]. */
	quarters: number[];
	seed?: number;
}

export interface SyntheticResult {
	organizationIds: number[];
	taskCount: number;
	updateCount: number;
	periodIds: Record<number, number>;
}

const CATEGORIES = ['经济发展', '城市建设', '民生保障', '社会治理', '生态环境', '改革创新'];
const VERBS = ['推进', '实施', '完成', '开展', '建设', '提升', '深化', '优化'];
const OBJECTS = ['数字化改造项目', '消防安全检查', '老旧小区改造', '招商引资活动', '道路提升工程', '学前教育布点', '垃圾分类宣传', '平安村社创建', '文化惠民演出', '污水管网更新'];
const OWNERS = ['经济发展办', '建设管理办', '社会事务办', '平安办', '综合执法队', '党政办', null];
const THEMES = ['数字化', '招商引资', '教育', '平安治理', '城市更新', '生态环境'];
const PHRASES = ['稳步推进', '已完成', '进度滞后', '达到序时进度', '超序时进度', '暂未启动', '正在谋划'];

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		let t = (state = (state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes the synthetic plans in one transaction and returns what it wrote. */
export async function insertSyntheticPlans(db: DB, options: SyntheticOptions): Promise<SyntheticResult> {
	const random = mulberry32(options.seed ?? 1);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

	return db.transaction().execute(async (trx) => {
		const parent = await trx.insertInto('organizations').values({ name: '合成市', parent_id: null }).returning('id').executeTakeFirstOrThrow();
		const themeIds: number[] = [];
		for (const name of THEMES) {
			const found = await trx.selectFrom('themes').select('id').where('name', '=', name).executeTakeFirst();
			themeIds.push(found ? found.id : (await trx.insertInto('themes').values({ name, name_en: null }).returning('id').executeTakeFirstOrThrow()).id);
		}
		const periodIds: Record<number, number> = {};
		for (const quarter of options.quarters) {
			const found = await trx
				.selectFrom('periods')
				.select('id')
				.where('year', '=', options.year)
				.where('month_end', '=', quarter * 3)
				.executeTakeFirst();
			periodIds[quarter] = found
				? found.id
				: (
						await trx
							.insertInto('periods')
							.values({ year: options.year, month_end: quarter * 3, month_start: null, quarter, label: `第${'一二三四'[quarter - 1]}季度` })
							.returning('id')
							.executeTakeFirstOrThrow()
					).id;
		}

		const organizationIds: number[] = [];
		let taskCount = 0;
		let updateCount = 0;
		for (let o = 1; o <= options.organizations; o++) {
			const org = await trx
				.insertInto('organizations')
				.values({ name: `合成街道${String(o).padStart(3, '0')}`, parent_id: parent.id })
				.returning('id')
				.executeTakeFirstOrThrow();
			organizationIds.push(org.id);
			const plan = await trx
				.insertInto('plans')
				.values({ organization_id: org.id, year: options.year, title: `合成街道${o}重点任务` })
				.returning('id')
				.executeTakeFirstOrThrow();
			const categoryIds: number[] = [];
			for (const [i, name] of CATEGORIES.entries()) {
				categoryIds.push(
					(await trx.insertInto('categories').values({ plan_id: plan.id, name, position: i + 1 }).returning('id').executeTakeFirstOrThrow()).id
				);
			}
			const sourceIds: Record<number, number> = {};
			for (const quarter of options.quarters) {
				sourceIds[quarter] = (
					await trx
						.insertInto('sources')
						.values({
							sha256: `${String(o).padStart(8, '0')}${String(quarter).padStart(8, '0')}`.padEnd(64, 'a'),
							file_name: `synthetic-${o}-q${quarter}.txt`,
							format: 'text',
							body: new Uint8Array(),
							text: '合成数据',
							title: `合成街道${o} ${options.year}年第${quarter}季度`,
							index_no: null,
							publisher: `合成街道${o}`,
							written_on: null,
							published_on: `${options.year}-${String(quarter * 3).padStart(2, '0')}-28`,
							subject: null,
							url: null,
							plan_id: plan.id,
							period_id: periodIds[quarter]
						})
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
			}

			const tasks = Array.from({ length: options.tasksPerPlan }, (_, i) => {
				const object = pick(OBJECTS);
				return {
					plan_id: plan.id,
					category_id: categoryIds[Math.floor((i * CATEGORIES.length) / options.tasksPerPlan)],
					position: i + 1,
					seq_no: String(i + 1),
					name: `${pick(VERBS)}${object}${i + 1}`,
					content: `全年${pick(VERBS)}${object}${1 + Math.floor(random() * 9)}个以上。`,
					owner: pick(OWNERS),
					leader: null
				};
			});
			const taskIds: number[] = [];
			await insertChunked(tasks, 500, async (chunk) => {
				const rows = await trx.insertInto('tasks').values(chunk).returning('id').execute();
				taskIds.push(...rows.map((r) => r.id));
			});
			taskCount += taskIds.length;

			const themeRows = taskIds.flatMap((taskId) => {
				const n = Math.floor(random() * 3);
				return [...new Set(Array.from({ length: n }, () => pick(themeIds)))].map((themeId) => ({ task_id: taskId, theme_id: themeId }));
			});
			await insertChunked(themeRows, 1000, (chunk) => trx.insertInto('task_themes').values(chunk).execute());

			const updates = taskIds.flatMap((taskId) =>
				options.quarters.map((quarter) => {
					const status: Status = pick(STATUSES);
					const source: StatusSource = random() < 0.7 ? 'inferred' : random() < 0.8 ? 'reported' : 'confirmed';
					return {
						task_id: taskId,
						period_id: periodIds[quarter],
						source_id: sourceIds[quarter],
						status_text: `${quarter}季度${pick(VERBS)}${pick(OBJECTS)}，${pick(PHRASES)}。`,
						status,
						status_source: source,
						evidence: JSON.stringify([pick(PHRASES)]),
						percent: random() < 0.3 ? Math.round(random() * 120) : null,
						actual_value: null,
						period_target: null,
						notes: null,
						superseded_at: null
					};
				})
			);
			const updateIds: number[] = [];
			await insertChunked(updates, 500, async (chunk) => {
				const rows = await trx.insertInto('updates').values(chunk).returning('id').execute();
				updateIds.push(...rows.map((r) => r.id));
			});
			updateCount += updateIds.length;

			const kinds: FlagKind[] = ['duplicate_text', 'same_as_previous', 'target_not_reported', 'empty_status'];
			const flags = updateIds.filter(() => random() < 0.1).map((updateId) => ({ update_id: updateId, kind: pick(kinds), related_task_id: null, detail: '合成数据' }));
			await insertChunked(flags, 1000, (chunk) => trx.insertInto('quality_flags').values(chunk).execute());
		}
		return { organizationIds, taskCount, updateCount, periodIds };
	});
}

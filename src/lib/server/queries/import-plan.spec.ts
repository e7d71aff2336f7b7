import { describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument, previewDocument } from '../import';

const ORGANIZATION = ['测试市', '测试区', '新街街道'];

/** A CSV report in which one name appears in two categories, one row is pasted twice and two different rows share a name. */
const report = (quarter: string, date: string) =>
	Buffer.from(
		[
			`新街街道2024年第${quarter}季度重点工作任务完成情况,,,`,
			`发布日期,${date},,`,
			`任务类别,具体任务,主要内容,完成情况`,
			'经济发展,建成数字化改造项目,完成数字化改造项目5个,已完成5个项目改造。', // line 4
			'经济发展,推进老旧小区改造,完成老旧小区改造2个,1个小区已开工。',
			'经济发展,推进老旧小区改造,完成老旧小区改造2个,1个小区已开工。', // line 6: line 5 again
			'社会治理,建成数字化改造项目,完成社区数字化改造3个,已开工建设。', // same name, other category
			'社会治理,开展文化活动,举办文化活动30场次,已举办12场次。',
			'社会治理,开展文化活动,举办文化下乡活动10场次,尚未开始。' // line 9: same name, another row
		].join('\r\n') + '\r\n'
	);

const tasksOf = (db: DB) =>
	db
		.selectFrom('tasks')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.select(['categories.name as category', 'tasks.name', 'tasks.content'])
		.orderBy('tasks.position')
		.execute();

describe('the same task name twice in one report', () => {
	it('the dry run and the write agree: two categories are two tasks, a pasted row is dropped with a warning', async () => {
		const bytes = report('二', '2024-07-08');
		const { draft } = await previewDocument(bytes, { organization: ORGANIZATION });
		const drafted = draft.categories.flatMap((c) => c.tasks.map((t) => [c.name, t.name, t.content]));
		expect(drafted).toHaveLength(5);
		expect(draft.warnings).toEqual(
			expect.arrayContaining([
				{ line: 6, message: '第6行与第5行内容完全相同，是重复的一行，只导入第5行' },
				{ line: 9, message: '第9行与第8行任务名称相同（“开展文化活动”），按两项任务导入' }
			])
		);

		const db = await openTestDatabase();
		const { result } = await importDocument(db, bytes, { organization: ORGANIZATION });
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 5 });
		expect((await tasksOf(db)).map((t) => [t.category, t.name, t.content])).toEqual(drafted);
	});

	it('a later quarter finds each of the tasks again, one row each', async () => {
		const db = await openTestDatabase();
		await importDocument(db, report('二', '2024-07-08'), { organization: ORGANIZATION });
		const { result } = await importDocument(db, report('三', '2024-10-08'), { organization: ORGANIZATION });
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 5 });
		expect(await tasksOf(db)).toHaveLength(5);
		const current = await db.selectFrom('updates').select('task_id').where('superseded_at', 'is', null).execute();
		expect(current).toHaveLength(10);
	});

	it('puts a flag on the task of that name that earned it', async () => {
		const db = await openTestDatabase();
		await importDocument(db, report('二', '2024-07-08'), { organization: ORGANIZATION });
		const flagged = await db
			.selectFrom('quality_flags')
			.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select(['tasks.content', 'quality_flags.kind'])
			.orderBy('tasks.position')
			.execute();
		expect(flagged).toEqual([
			{ content: '完成社区数字化改造3个', kind: 'target_not_reported' },
			{ content: '举办文化下乡活动10场次', kind: 'target_not_reported' }
		]);
	});
});

describe('a category typed another way in a later report', () => {
	it('is the same category: its tasks are found again and it keeps its first published name', async () => {
		const db = await openTestDatabase();
		await importDocument(db, report('二', '2024-07-08'), { organization: ORGANIZATION });
		const retyped = Buffer.from(report('三', '2024-10-08').toString('utf8').replaceAll('\n经济发展,', '\n经济　发展,'));
		const { result } = await importDocument(db, retyped, { organization: ORGANIZATION });
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 5 });
		const categories = await db.selectFrom('categories').select(['name', 'name_key']).orderBy('position').execute();
		expect(categories).toEqual([
			{ name: '经济发展', name_key: '经济发展' },
			{ name: '社会治理', name_key: '社会治理' }
		]);
		expect(await tasksOf(db)).toHaveLength(5);
	});
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import * as taskDetail from './task-detail';
import { openReportsDatabase } from './testing';

let db: DB;

beforeAll(async () => {
	db = await openReportsDatabase();
});

describe('one task', () => {
	const idOf = async (name: string) =>
		(await db.selectFrom('tasks').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

	it('has its plan, category, themes and targets', async () => {
		const task = (await taskDetail.getTask(db, await idOf('坚定数字升级')))!;
		expect(task).toMatchObject({
			organization: '新街街道',
			parentOrganization: '萧山区',
			year: 2024,
			category: '坚持引育并举,全力保稳促调,增强经济发展支撑力'
		});
		expect(task.targets.map((t) => t.text)).toContain('5个以上');
		expect(task.content).toContain(task.targets[0].text);
		expect(await taskDetail.getTask(db, 999_999_999)).toBeUndefined();
	});

	it('has a history of every period, oldest first, with the duplicate explained by the other task', async () => {
		const history = await taskDetail.getTaskHistory(db, await idOf('聚能聚力重塑关键板块'));
		expect(history.map((u) => [u.year, u.monthEnd])).toEqual([
			[2024, 3],
			[2024, 6]
		]);
		const q2 = history[1];
		expect(q2.supersededAt).toBeNull();
		const duplicate = q2.flags.find((f) => f.kind === 'duplicate_text');
		expect(duplicate).toMatchObject({ relatedTaskName: '坚定数字升级' });
		expect(q2.sourceTitle).toContain('第二季度');
	});

	it('lists its source documents with an excerpt around the task, and serves only their text', async () => {
		const id = await idOf('做好超前感知防治');
		const sources = await taskDetail.listTaskSources(db, id);
		expect(sources).toHaveLength(2);
		expect(sources[0]).toMatchObject({ indexNo: 'H083/2024-79731', publishedOn: '2024-07-08' });
		expect(sources[0].excerpt).toContain('做好超前感知防治');
		expect((await taskDetail.getTaskSourceText(db, id, sources[0].id))!.text).toContain('做好超前感知防治');
		const foreign = await db
			.selectFrom('sources')
			.select('id')
			.where('file_name', '=', 'keqiao-2023-q1.txt')
			.executeTakeFirstOrThrow();
		expect(await taskDetail.getTaskSourceText(db, id, foreign.id)).toBeUndefined();
	});
});

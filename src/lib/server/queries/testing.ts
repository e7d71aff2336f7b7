/**
 * The database the task query tests share: every bundled report, plus the seed a quarter earlier with one
 * task's text changed (history and search across periods), and the views they read it through.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { parseFilters, type Filters } from '../../filters';
import type { Scope } from '../../types/scope';
import { resolveScope } from './scope';
import * as tasks from './tasks';

const manifest: Record<string, string[]> = JSON.parse(readFileSync('data/reports/manifest.json', 'utf8'));
export const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
/** The seed a quarter earlier, with one task's text changed. */
export const SEED_Q1 = SEED.replace('第二季度重点任务', '第一季度重点任务')
	.replace('二季度完成情况', '一季度完成情况')
	.replace('成文日期 2024-07-08', '成文日期 2024-04-08')
	.replace('发布日期:2024-07-08', '发布日期:2024-04-08')
	.replace('开展常态化平安巡查', '一季度开展冬季防火专项检查，完成微型消防站布点。开展常态化平安巡查');

export async function openReportsDatabase(): Promise<DB> {
	const db = await openTestDatabase();
	for (const file of readdirSync('data/reports').filter((f) => f.endsWith('.txt'))) {
		await importDocument(db, readFileSync(`data/reports/${file}`), { fileName: file, organization: manifest[file] });
	}
	await importDocument(db, Buffer.from(SEED_Q1), { fileName: 'xinjie-2024-q1.txt' });
	return db;
}

export interface View {
	filters: Filters;
	scope: Scope;
	periodId: number;
}

export const ALL = { limit: 1_000_000, offset: 0 };
export const SEQ = { sort: 'seq', dir: 'asc' } as const;

/** A URL query's filters, scope and period, and the task names the table lists for it in report order. */
export function viewsOf(db: () => DB) {
	async function view(query: string): Promise<View> {
		const filters = parseFilters(new URLSearchParams(query));
		const scope = await resolveScope(db(), filters);
		return { filters, scope, periodId: scope.period!.id };
	}
	async function names(query: string): Promise<string[]> {
		const v = await view(query);
		return (await tasks.listTasks(db(), v.scope, v.periodId, v.filters, SEQ, ALL)).map((r) => r.name);
	}
	return { view, names };
}

/**
 * Real pages without per-task progress (fixtures/real/, families P, C, K, R of the shared README)
 * are refused with their kind and the line that decided it — never read into made-up tasks — while
 * real progress tables are read as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReport } from './read-report';
import { ImportRefusal, type RefusalKind } from './refusal';

const bytesOf = (file: string) => readFileSync(`src/lib/server/import/fixtures/real/${file}.txt`);

function refusalOf(file: string): ImportRefusal {
	try {
		readReport(bytesOf(file), { fileName: `${file}.txt` });
	} catch (error) {
		if (error instanceof ImportRefusal) return error;
		throw error;
	}
	throw new Error(`${file} was read, not refused`);
}

/** [file, kind, deciding line, words the deciding line holds]. */
const CASES: [string, RefusalKind, number, string][] = [
	['erlianhaote-city-2024-task-division-plan', 'plan', 4, '重点工作任务分工方案'],
	['ewenke-banner-2022-task-division-monthly-table', 'plan', 4, '重点任务责任落实分工的通知'],
	['caidian-district-2023-target-responsibility-division', 'plan', 2, '主要目标任务责任分解方案的通知'],
	['jiading-district-key-work-list-with-responsible-units', 'plan', 3, '(责任单位:区经委)'],
	['jinzhai-county-2025-h1-supervision', 'counts_only', 3, '欠进度的有17个'],
	['shouxian-county-2022-h1-main-tasks', 'counts_only', 22, '部分指标滞后序时'],
	['dalian-city-2023-apr-livelihood-projects', 'counts_only', 4, '5个项目已提前完成全年目标'],
	['changzhou-city-2022-h1-livelihood-projects', 'counts_only', 2, '已全部完成或超额完成的有7项'],
	['ziyang-city-jan-may-key-projects-time-progress', 'investment', 2, '完成投资294.9亿元'],
	['lufeng-city-q1-key-projects-time-progress', 'investment', 2, '累计完成投资54.53亿元'],
	['changhe-street-binjiang-2024-h1-work', 'narrative', 4, '今年以来,全街上下']
];

describe('real pages without per-task progress', () => {
	it.each(CASES)('%s is refused as %s, decided by line %i', (file, kind, line, words) => {
		const refusal = refusalOf(file);
		expect(refusal.kind).toBe(kind);
		expect(refusal.line).toBe(line);
		expect(refusal.text).toContain(words);
		expect(bytesOf(file).toString('utf8').split('\n')[line - 1].trim()).toBe(refusal.text);
		expect(refusal.message).toMatch(new RegExp(`^line ${line}: `));
	});

	it('refuses a plan saved as an HTML page the same way, naming the line of its visible text', () => {
		const text = bytesOf('caidian-district-2023-target-responsibility-division').toString('utf8');
		const html = `<html><body>${text
			.split('\n')
			.filter((line) => line.trim() !== '')
			.map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
			.join('')}</body></html>`;
		expect(() => readReport(new TextEncoder().encode(html), { fileName: 'caidian.html' })).toThrow(
			expect.objectContaining({ kind: 'plan', line: 2, text: expect.stringContaining('责任分解方案的通知') })
		);
	});

	it('says in each message what kind of page it is', () => {
		expect(refusalOf('caidian-district-2023-target-responsibility-division').reason).toContain('task division');
		expect(refusalOf('jinzhai-county-2025-h1-supervision').reason).toContain('only counts');
		expect(refusalOf('ziyang-city-jan-may-key-projects-time-progress').reason).toContain('investment');
		expect(refusalOf('changhe-street-binjiang-2024-h1-work').reason).toContain('narrative');
	});
});

describe('pages with progress are never refused', () => {
	it.each(['xinjie-2024-q2', 'xiaoshan-2020-h1', 'shaoxing-2021-h1', 'keqiao-2023-q1'])(
		'the real table %s is read',
		(name) => {
			const draft = readReport(readFileSync(`data/reports/${name}.txt`), { fileName: `${name}.txt` });
			expect(draft.categories.flatMap((c) => c.tasks).length).toBeGreaterThan(0);
		}
	);

	it('a division table with a progress column is read, one without it is refused as a plan', () => {
		const withProgress =
			'序号|重点工作|责任单位|完成时限|完成情况\n1|新建公园2个|区建设局|12月底|已完成1个，另1个在建。\n';
		const draft = readReport(new TextEncoder().encode(withProgress), { fileName: 'x-2024-q2.txt' });
		expect(draft.categories[0].tasks[0].name).toBe('新建公园2个');
		const division = '2024年重点工作任务分工\n序号|重点工作|责任单位|完成时限\n1|新建公园2个|区建设局|12月底\n';
		expect(() => readReport(new TextEncoder().encode(division), { fileName: 'x-2024.txt' })).toThrow(
			expect.objectContaining({ kind: 'plan', line: 2 })
		);
	});
});

describe('key-project investment against time progress', () => {
	const investment =
		'重点项目建设情况\n1-5月，全市重点项目完成投资29.4亿元，占年计划投资的40.4%，超时间进度2.3个百分点。';

	it('is refused even though its figures read as indicators', () => {
		expect(() => readReport(new TextEncoder().encode(investment), { fileName: 'x-2024.txt' })).toThrow(
			expect.objectContaining({ kind: 'investment', line: 2 })
		);
	});

	it('is read when the page states other indicators beside the investment', () => {
		const mixed = `${investment}\n上半年，全市完成地区生产总值802.81亿元，完成年度目标的52%。`;
		const draft = readReport(new TextEncoder().encode(mixed), { fileName: 'x-2024.txt' });
		expect(draft.categories.flatMap((c) => c.tasks.map((t) => t.name))).toContain('地区生产总值');
	});
});

describe('the order of the signs', () => {
	it('takes counts per status over a plan the notice only cites', () => {
		const page =
			'按照《2024年重点工作任务分工方案》要求，现将上半年落实情况通报如下：\n欠进度的有3个，达进度的有40个。\n';
		expect(() => readReport(new TextEncoder().encode(page), { fileName: 'x-2024-h1.txt' })).toThrow(
			expect.objectContaining({ kind: 'counts_only', line: 2 })
		);
	});
});

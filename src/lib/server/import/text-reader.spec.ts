import { describe, expect, it } from 'vitest';
import { nameFromContent, readText } from './text-reader';
import { ImportError } from './types';

/** Page text with one cell per line and blank lines between, as browsers copy report pages. */
const cells = (...lines: string[]) => lines.join('\n\n');

const TITLE = '某街道2024年《政府工作报告》第二季度重点任务执行情况';

describe('readText: one cell per line', () => {
	it('tells spanning categories from task names by shape', () => {
		const reading = readText(
			cells(
				TITLE,
				'任务类别',
				'具体任务',
				'主要内容',
				'二季度完成情况',
				'坚持引育并举,增强经济发展支撑力',
				'坚定数字升级',
				'实施5个以上数字化改造项目。',
				'已实施3个项目。',
				'拓展项目渠道',
				'加快项目招商。',
				'完成签约。',
				'坚持以人为本,提升公共服务',
				'全面打造美好教育',
				'加快推进新建项目建设。',
				'全面开工建设。',
				'扫一扫在手机打开当前页'
			)
		);
		expect(reading.categories.map((c) => [c.name, c.rows.map((r) => r.name)])).toEqual([
			['坚持引育并举,增强经济发展支撑力', ['坚定数字升级', '拓展项目渠道']],
			['坚持以人为本,提升公共服务', ['全面打造美好教育']]
		]);
		expect(reading.categories[0].rows[0]).toEqual({
			line: 13,
			seqNo: null,
			name: '坚定数字升级',
			content: '实施5个以上数字化改造项目。',
			periodTarget: null,
			statusText: '已实施3个项目。',
			statusWord: null,
			owner: null,
			leader: null,
			note: null
		});
		expect(reading.warnings).toEqual([]);
		expect(reading).toMatchObject({
			year: 2024,
			period: { quarter: 2, months: null, label: '第二季度' },
			header: { line: 3 }
		});
	});

	it('reads cells on consecutive lines when the header has no blank lines', () => {
		const reading = readText(
			[TITLE, '序号', '工作任务', '责任单位', '1', '新建学校1所', '教体局', '2', '新增学位800个', '教体局'].join('\n')
		);
		expect(reading.categories[0].rows.map((r) => [r.seqNo, r.name, r.owner])).toEqual([
			['1', '新建学校1所', '教体局'],
			['2', '新增学位800个', '教体局']
		]);
		expect(reading.warnings).toEqual([]);
	});

	it('joins the lines of a multi-line cell when cells are separated by blank lines', () => {
		const reading = readText(
			cells(TITLE, '具体任务', '完成情况', '任务一', '进展情况:已开工。\n下步打算:加快进度。', '任务二', '已完成。')
		);
		expect(reading.categories[0].rows.map((r) => r.statusText)).toEqual([
			'进展情况:已开工。\n下步打算:加快进度。',
			'已完成。'
		]);
	});

	it('reports a row that meets the next 序号 too early and keeps the rows around it aligned', () => {
		const reading = readText(
			cells(
				TITLE,
				'序号',
				'内容与要求',
				'进展情况',
				'责任单位',
				'1',
				'任务一的内容。',
				'任务一的进展。',
				'市发改委',
				'2',
				'任务二的内容。',
				'市经信局',
				'3',
				'任务三的内容。',
				'任务三的进展。',
				'市教育局'
			)
		);
		expect(reading.categories[0].rows.map((r) => [r.seqNo, r.name, r.owner])).toEqual([
			['1', '任务一的内容', '市发改委'],
			['3', '任务三的内容', '市教育局']
		]);
		expect(reading.warnings).toEqual([
			{ line: 19, message: '第19行起的一行缺少单元格（第25行已是下一个序号3），与表头的列对不上，未导入' }
		]);
	});

	it('reports a stray cell where a 序号 should be and resumes at the next 序号', () => {
		const reading = readText(
			cells(
				TITLE,
				'序号',
				'内容与要求',
				'进展情况',
				'责任单位',
				'1',
				'任务一的内容。',
				'任务一的进展。',
				'市发改委',
				'多出来的一格。',
				'2',
				'任务二的内容。',
				'任务二的进展。',
				'市经信局'
			)
		);
		expect(reading.categories[0].rows.map((r) => [r.seqNo, r.owner])).toEqual([
			['1', '市发改委'],
			['2', '市经信局']
		]);
		expect(reading.warnings).toEqual([
			{ line: 19, message: '第19行的“多出来的一格。”处应为序号，与表头的列对不上，到下一个序号之前的内容未导入' }
		]);
	});

	it('names tasks by their content and folds one-row projects into task names', () => {
		const reading = readText(
			cells(
				TITLE,
				'项目名称',
				'项目内容',
				'进展情况',
				'支持民营企业',
				'提升政策兑现时效,用好平台。',
				'已上线15条政策。',
				'加快服务业发展',
				'推动重点项目建设。',
				'已开工。',
				'扫一扫在手机打开当前页'
			)
		);
		expect(reading.categories).toEqual([
			{
				name: null,
				rows: [
					expect.objectContaining({ name: '支持民营企业', content: '提升政策兑现时效,用好平台。' }),
					expect.objectContaining({ name: '加快服务业发展', content: '推动重点项目建设。' })
				]
			}
		]);
	});

	it('keeps projects over several rows as categories and names the rows by their content', () => {
		const reading = readText(
			cells(
				TITLE,
				'项目名称',
				'项目内容',
				'进展情况',
				'支持民营企业',
				'提升政策兑现时效,用好平台。',
				'已上线15条政策。',
				'制定新一轮惠企政策。',
				'已出台。'
			)
		);
		expect(reading.categories.map((c) => [c.name, c.rows.map((r) => r.name)])).toEqual([
			['支持民营企业', ['提升政策兑现时效', '制定新一轮惠企政策']]
		]);
	});

	it('drops a final row cut off mid-cell and says so, naming the line', () => {
		const reading = readText(
			cells(
				TITLE,
				'具体任务',
				'主要内容',
				'完成情况',
				'任务一',
				'内容一。',
				'已完成。',
				'任务二',
				'内容二。',
				'已完成部分工'
			)
		);
		expect(reading.categories[0].rows.map((r) => r.name)).toEqual(['任务一']);
		expect(reading.warnings).toEqual([
			{ line: 19, message: '文档在此行中断（截断），第15行起的任务不完整，未导入：“任务二”' }
		]);
	});

	it('reports a final row with missing cells before the page footer as incomplete, not truncated', () => {
		const reading = readText(
			cells(
				TITLE,
				'具体任务',
				'主要内容',
				'完成情况',
				'任务一',
				'内容一。',
				'已完成。',
				'任务二',
				'内容二。',
				'扫一扫在手机打开当前页'
			)
		);
		expect(reading.warnings).toEqual([{ line: 15, message: '第15行起的一行缺少单元格，未导入：“任务二”' }]);
	});
});

describe('readText: separated cells', () => {
	const HEADER = '序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 | 目标完成情况 |';

	it('keeps a sub-item line with its row and reports a line that cannot be aligned', () => {
		const reading = readText(
			[
				'2023年民生实事一季度进展情况',
				HEADER,
				'1 | 新改扩建学校1所 | 教体局 | 室内施工 | 完成80%。 | 顺利推进 |',
				'新增学位810个 | |||||',
				'2 | 结对帮扶学校2所 | 教体局 | 互派人员 | 已开展。 |',
				'3 | 保障入学 | 教体局 | 公布政策 | 已公布。 | 顺利推进 |',
				'',
				'扫一扫在手机打开当前页'
			].join('\n')
		);
		expect(reading.categories[0].rows.map((r) => [r.seqNo, r.name, r.content, r.periodTarget, r.statusWord])).toEqual([
			['1', '新改扩建学校1所', '新改扩建学校1所\n新增学位810个', '室内施工', '顺利推进'],
			['3', '保障入学', '保障入学', '公布政策', '顺利推进']
		]);
		expect(reading.warnings).toEqual([
			{
				line: 5,
				message: '第5行有5个单元格，表头有6列，无法对齐，未导入：“2 | 结对帮扶学校2所 | 教体局 | 互派人员 | 已开…”'
			}
		]);
		expect(reading.period).toEqual({ quarter: 1, months: null, label: '一季度' });
	});

	it('adds text in other columns of a continuation line to those columns', () => {
		const reading = readText(
			['2023年一季度进展情况', '序号|工作任务|进展情况|', '1|任务一|已开工。|', '|  |下步：加快。|'].join('\n')
		);
		expect(reading.categories[0].rows[0].statusText).toBe('已开工。\n下步：加快。');
	});

	it('reads tab-separated rows', () => {
		const reading = readText(
			['2023年一季度进展情况', '工作任务\t进展情况', '任务一\t已开工。', '任务二\t已完成。'].join('\n')
		);
		expect(reading.categories[0].rows.map((r) => [r.name, r.statusText])).toEqual([
			['任务一', '已开工。'],
			['任务二', '已完成。']
		]);
		expect(reading.warnings).toEqual([]);
	});

	it('reports a final tab-separated row whose last cell lost its closing punctuation as truncated', () => {
		const reading = readText(
			['2023年一季度进展情况', '工作任务\t进展情况', '任务一\t已开工。', '任务二\t已完成。', '任务三\t正在施'].join(
				'\n'
			)
		);
		expect(reading.categories[0].rows.map((r) => r.name)).toEqual(['任务一', '任务二']);
		expect(reading.warnings).toEqual([
			{ line: 5, message: '文档在此行中断（截断），该行不完整，未导入：“任务三 正在施”' }
		]);
	});

	it.each([
		[
			'a final line without separators',
			'义务教育段随迁子女就',
			'文档在此行中断（截断），该行不完整，未导入：“义务教育段随迁子女就”'
		],
		[
			'a final row with cells missing',
			'2 | 任务二 | 教体局 | 公布',
			'文档在此行中断（截断），该行不完整，未导入：“2 | 任务二 | 教体局 | 公布”'
		],
		[
			'a final row without its closing separator',
			'2 | 任务二 | 教体局 | 目标 | 已公 | 顺利推',
			'文档在此行中断（截断），该行不完整，未导入：“2 | 任务二 | 教体局 | 目标 | 已公 | 顺利推”'
		]
	])('reports %s as truncated', (_, last, message) => {
		const reading = readText(
			['2023年一季度进展情况', HEADER, '1 | 任务一 | 教体局 | 目标 | 已公布。 | 顺利推进 |', last].join('\n')
		);
		expect(reading.categories[0].rows.map((r) => r.name)).toEqual(['任务一']);
		expect(reading.warnings).toEqual([{ line: 4, message }]);
	});
});

describe('readText: metadata, year and period', () => {
	it('takes the year from 发布日期 when the title has none, one year back for a year-end report published in January', () => {
		const page = (published: string) =>
			readText(cells(`发布日期:${published}`, '重点工作全年推进情况', '具体任务', '完成情况', '任务一', '已完成。'));
		expect(page('2025-01-20 10:00')).toMatchObject({ year: 2024, period: { quarter: 4 } });
		expect(page('2024-12-31 10:00')).toMatchObject({ year: 2024, period: { quarter: 4 } });
	});

	it('takes the period from the status header when the title names none', () => {
		expect(readText(cells('2024年重点任务执行情况', '具体任务', '1-11月推进情况', '任务一', '已完成。'))).toMatchObject(
			{
				year: 2024,
				period: { quarter: null, months: [1, 11], label: '1-11月' }
			}
		);
	});

	it('warns when title and header name different periods, and follows the title', () => {
		const reading = readText(cells(TITLE, '具体任务', '一季度完成情况', '任务一', '已完成。'));
		expect(reading.period?.quarter).toBe(2);
		expect(reading.warnings).toEqual([
			{ line: 3, message: '标题中的报告期（第二季度）与表头“一季度完成情况”（一季度）不一致，按标题的报告期导入' }
		]);
	});

	it('returns no year and period, with where it looked, when nothing names them', () => {
		const reading = readText(cells('重点任务执行情况', '具体任务', '完成情况', '任务一', '已完成。'));
		expect(reading).toMatchObject({ year: null, period: null });
		expect(reading.searched).toBe(
			'the title (line 1: 重点任务执行情况), the column headers (line 3: 具体任务 / 完成情况), the dates 发布日期/成文日期 (none found)'
		);
	});
});

describe('readText: refusals', () => {
	it.each([
		['no header at all', '杭州市萧山区人民政府\n\n通知\n\n各单位：请做好工作。', /no task table found/],
		[
			'a header without rows',
			cells(TITLE, '具体任务', '主要内容', '完成情况', '扫一扫在手机打开当前页'),
			/no task table found: the header on line 3 has no complete row/
		],
		[
			'a header naming no task',
			cells(TITLE, '序号', '责任单位', '完成情况', '1', '教体局', '已完成。'),
			/no task table found/
		],
		[
			'columns separated by spaces',
			[TITLE, '序号 工作任务 责任单位 进展情况', '1 新建学校 教体局 已开工'].join('\n'),
			/line 2: the task table has no column separators/
		],
		[
			'columns run together',
			[TITLE, '序号工作任务责任单位进展情况', '1新建学校教体局已开工'].join('\n'),
			/line 2: the task table has no column separators: its header \(序号 \/ 工作任务 \/ 责任单位 \/ 进展情况\)/
		]
	])('%s', (_, text, message) => {
		expect(() => readText(text)).toThrow(ImportError);
		expect(() => readText(text)).toThrow(message);
	});
});

describe('nameFromContent', () => {
	it.each([
		['确保地区生产总值增长7%以上。服务业增加值增长7%以上', '确保地区生产总值增长7%以上'],
		['提升政策兑现时效,用好“亲清在线”数字平台。', '提升政策兑现时效'],
		['扎实推动省市县长“152”重点项目建设。', '扎实推动省市县长“152”重点项目建设'],
		['1.高质量编制实施规划纲要；印发分解清单', '高质量编制实施规划纲要'],
		['（二）推进项目；', '推进项目'],
		[
			'高质量完成“十四五”规划《纲要》编制并印发实施长三角一体化年度工作清单推进',
			'高质量完成“十四五”规划《纲要》编制并印发实施长三角一体化年…'
		],
		['', '']
	])('%s → %s', (content, name) => {
		expect(nameFromContent(content)).toBe(name);
	});
});

import { describe, expect, it } from 'vitest';
import { columnRole, mapHeader, mapTwoRowHeader } from './columns';

describe('columnRole', () => {
	it.each([
		['任务类别', 'category'],
		['类别', 'category'],
		['项目类别', 'category'],
		['项目名称', 'category'],
		['具体任务', 'task'],
		['工作任务', 'task'],
		['主要任务', 'task'],
		['重点工作任务', 'task'],
		['主要内容', 'content'],
		['内容与要求', 'content'],
		['项目内容', 'content'],
		['任务内容', 'content'],
		['全年目标任务', 'content'],
		['一季度目标', 'periodTarget'],
		['节点目标', 'periodTarget'],
		['上半年目标', 'periodTarget'],
		['完成情况', 'statusText'],
		['进展情况', 'statusText'],
		['推进情况', 'statusText'],
		['工作举措与完成情况', 'statusText'],
		['二季度完成情况', 'statusText'],
		['1-11月推进情况', 'statusText'],
		['进展情况、存在问题及下一步打算', 'statusText'],
		['目标完成情况', 'statusWord'],
		['一季度目标完成情况', 'statusWord'],
		['是否达序', 'statusWord'],
		['状态', 'statusWord'],
		['责任单位', 'owner'],
		['牵头单位', 'owner'],
		['责任主体与协同单位', 'owner'],
		['分管领导', 'leader'],
		['牵头领导', 'leader'],
		['说明', 'note'],
		['问题与困难', 'note'],
		['下一步工作打算', 'note'],
		['序号', 'seqNo'],
		['完成时限', 'other'],
		[' 责任单位： ', 'owner'],
		['责 任 单 位', 'owner'],
		['责任单位（牵头）', 'owner'],
		['坚定数字升级', null],
		['全力做好智能制造、数字化改造项目服务工作,实施5个以上数字化改造项目。', null],
		['招商完成情况', null],
		['2024年第二季度重点任务执行情况', null],
		['重点工作全年推进情况', null],
		['2024年二季度完成情况', 'statusText'],
		// traditional script, inserted pinyin, full-width: matched on the simplified form
		['進展情況', 'statusText'],
		['是否達序', 'statusWord'],
		['責任單位', 'owner'],
		['具體任務', 'task'],
		['序(xù)號', 'seqNo'],
		['責任單位：', 'owner'],
		['二季度完成情况（％）', 'statusText'],
		['完成情况（截至6月（底））', null],
		['完成情况(万元)(%)', null],
		['（说明）完成情况（截至6月底）', null],
		['', null]
	])('%s → %s', (header, role) => {
		expect(columnRole(header)).toBe(role);
	});

	it('takes no long cell for a header, whatever it holds (a run of brackets reads at once)', () => {
		expect(columnRole(`完成情况${' '.repeat(300)}`)).toBeNull();
		expect(columnRole(`${'（'.repeat(100_000)}完成情况）`)).toBeNull();
	});
});

describe('mapHeader', () => {
	it('maps the seed header and reads the period from the status column', () => {
		expect(mapHeader(['任务类别', '具体任务', '主要内容', '二季度完成情况'])).toEqual({
			columns: [
				{ role: 'category', header: '任务类别' },
				{ role: 'task', header: '具体任务' },
				{ role: 'content', header: '主要内容' },
				{ role: 'statusText', header: '二季度完成情况' }
			],
			period: { quarter: 2, months: null, label: '二季度' },
			periodHeader: '二季度完成情况',
			projectAsCategory: false
		});
	});

	it('keeps a traditional header as published while mapping it by its simplified form', () => {
		expect(mapHeader(['序號', '工作任務', '責任單位', '二季度進展情況'])?.columns).toEqual([
			{ role: 'seqNo', header: '序號' },
			{ role: 'task', header: '工作任務' },
			{ role: 'owner', header: '責任單位' },
			{ role: 'statusText', header: '二季度進展情況' }
		]);
	});

	it('maps by synonym, not position (keqiao)', () => {
		const map = mapHeader([
			'序号',
			'工作任务',
			'责任单位',
			'一季度目标',
			'进展情况、存在问题及下一步打算',
			'目标完成情况'
		]);
		expect(map?.columns.map((c) => c.role)).toEqual([
			'seqNo',
			'task',
			'owner',
			'periodTarget',
			'statusText',
			'statusWord'
		]);
		expect(map?.period).toEqual({ quarter: 1, months: null, label: '一季度' });
	});

	it('treats 项目名称 as a spanning category when no other column names the task (xiaoshan)', () => {
		const map = mapHeader(['项目名称', '项目内容', '进展情况']);
		expect(map?.columns.map((c) => c.role)).toEqual(['category', 'content', 'statusText']);
		expect(map?.projectAsCategory).toBe(true);
		expect(map?.period).toBeNull();
	});

	it('keeps 项目名称 as the category over a task column', () => {
		const map = mapHeader(['项目名称', '具体任务', '完成情况']);
		expect(map?.columns.map((c) => c.role)).toEqual(['category', 'task', 'statusText']);
		expect(map?.projectAsCategory).toBe(false);
	});

	it('reads the period of a month-range status header', () => {
		expect(mapHeader(['序号', '重点工作任务', '1-11月推进情况'])?.period).toEqual({
			quarter: null,
			months: [1, 11],
			label: '1-11月'
		});
	});

	it('keeps a second column of a single-valued role in place as other', () => {
		expect(mapHeader(['具体任务', '完成情况', '进展情况'])?.columns.map((c) => c.role)).toEqual([
			'task',
			'statusText',
			'other'
		]);
	});

	it.each([
		['an unknown cell', ['序号', '具体任务', '坚定数字升级']],
		['no task or content column', ['序号', '责任单位', '完成情况']],
		['a single cell', ['具体任务']],
		['metadata labels', ['索引号', '成文日期']]
	])('rejects %s', (_, cells) => {
		expect(mapHeader(cells)).toBeNull();
	});
});

describe('mapHeader: wide tables with one status column per period', () => {
	it('keeps every period’s status column, latest period as the report’s', () => {
		const map = mapHeader(['序号', '工作任务', '1-10月推进情况', '1-11月推进情况', '是否达序', '说明']);
		expect(map?.columns).toEqual([
			{ role: 'seqNo', header: '序号' },
			{ role: 'task', header: '工作任务' },
			{ role: 'statusText', header: '1-10月推进情况', period: { quarter: null, months: [1, 10], label: '1-10月' } },
			{ role: 'statusText', header: '1-11月推进情况', period: { quarter: null, months: [1, 11], label: '1-11月' } },
			{ role: 'statusWord', header: '是否达序' },
			{ role: 'note', header: '说明' }
		]);
		expect(map?.period).toEqual({ quarter: null, months: [1, 11], label: '1-11月' });
		expect(map?.periodHeader).toBe('1-11月推进情况');
		expect(map?.periods?.map((p) => p.label)).toEqual(['1-10月', '1-11月']);
	});

	it('orders the periods by their end whatever the column order, and gives period-named columns their period', () => {
		const map = mapHeader([
			'工作任务',
			'二季度完成情况',
			'二季度是否达序',
			'一季度完成情况',
			'一季度是否达序',
			'一季度说明'
		]);
		expect(map?.periods?.map((p) => p.label)).toEqual(['一季度', '二季度']);
		expect(map?.columns.map((c) => [c.role, c.period?.label ?? null])).toEqual([
			['task', null],
			['statusText', '二季度'],
			['statusWord', '二季度'],
			['statusText', '一季度'],
			['statusWord', '一季度'],
			['note', '一季度']
		]);
	});

	it.each([
		['two status columns naming no period', ['具体任务', '完成情况', '进展情况'], ['task', 'statusText', 'other']],
		[
			'two status columns naming the same period',
			['具体任务', '二季度完成情况', '上半年完成情况'],
			['task', 'statusText', 'other']
		],
		['one naming a period and one not', ['具体任务', '完成情况', '1-11月推进情况'], ['task', 'statusText', 'other']],
		[
			'a second status word for the latest period',
			['具体任务', '1-10月推进情况', '1-11月推进情况', '是否达序', '1-11月是否达序'],
			['task', 'statusText', 'statusText', 'statusWord', 'other']
		]
	])('is not wide with %s', (_, cells, roles) => {
		const map = mapHeader(cells);
		expect(map?.columns.map((c) => c.role)).toEqual(roles);
		if (roles.filter((r) => r === 'statusText').length < 2) expect(map?.periods).toBeUndefined();
	});

	it.each([
		['1-11月是否达序', 'statusWord'],
		['1-10月说明', 'note'],
		['一季度完成值', 'actual'],
		['完成值', 'actual'],
		['上半年问题与困难', 'note'],
		['新街说明', null]
	])('%s → %s', (header, role) => {
		expect(columnRole(header)).toBe(role);
	});
});

describe('mapTwoRowHeader', () => {
	it('reads a group header over period headers as one header per period', () => {
		const map = mapTwoRowHeader(
			['序号', '工作任务', '推进情况', '推进情况', '是否达序'],
			['序号', '工作任务', '1-10月', '1-11月', '是否达序']
		);
		expect(map?.columns.map((c) => c.header)).toEqual([
			'序号',
			'工作任务',
			'1-10月推进情况',
			'1-11月推进情况',
			'是否达序'
		]);
		expect(map?.periods?.map((p) => p.label)).toEqual(['1-10月', '1-11月']);
	});

	it('carries a group header flattened away (CSV) to the period headers beside it', () => {
		const map = mapTwoRowHeader(['工作任务', '推进情况', '', '说明'], ['', '1-10月', '1-11月', '']);
		expect(map?.columns.map((c) => c.header)).toEqual(['工作任务', '1-10月推进情况', '1-11月推进情况', '说明']);
	});

	it('reads period headers over role headers', () => {
		const map = mapTwoRowHeader(
			['工作任务', '1-10月', '1-10月', '1-11月', '1-11月'],
			['工作任务', '推进情况', '是否达序', '推进情况', '是否达序']
		);
		expect(map?.columns.map((c) => [c.role, c.period?.label])).toEqual([
			['task', undefined],
			['statusText', '1-10月'],
			['statusWord', '1-10月'],
			['statusText', '1-11月'],
			['statusWord', '1-11月']
		]);
	});

	it.each([
		['a header over its first body row', ['序号', '工作任务', '进展情况'], ['1', '新建学校1所', '已开工。']],
		['a row that adds nothing', ['具体任务', '完成情况'], ['具体任务', '']]
	])('returns null for %s', (_, top, bottom) => {
		expect(mapTwoRowHeader(top, bottom)).toBeNull();
	});
});

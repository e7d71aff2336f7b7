import { describe, expect, it } from 'vitest';
import { checkQuality, flagSameAsPrevious } from './quality';
import type { DraftTask, Target } from './types';

function task(
	name: string,
	statusText: string | null,
	targets: Target[] = [],
	statusSource: DraftTask['statusSource'] = 'inferred'
): DraftTask {
	return {
		seqNo: null,
		name,
		content: null,
		statusText,
		status: 'unknown',
		statusSource,
		evidence: [],
		owner: null,
		leader: null,
		periodTarget: null,
		percent: null,
		targets,
		themes: [],
		notes: null,
		line: 1
	};
}

const draft = (...tasks: DraftTask[]) => ({ categories: [{ name: null, tasks }] });
const target = (value: number, unit: string, text: string): Target => ({ value, unit, comparator: '>=', text });
const COPIED = '围绕企业技改项目、新升规新入规工业企业和订单充裕企业,全力开展存量挖潜。';

describe('checkQuality', () => {
	it('flags a status text shared by several tasks once, naming them in order', () => {
		expect(
			checkQuality(draft(task('甲', COPIED), task('乙', '另一段完成情况的文字，足够长。'), task('丙', ` ${COPIED}\n`)))
		).toEqual([{ kind: 'duplicate_text', tasks: ['甲', '丙'], detail: '以下任务的完成情况文字完全相同：甲、丙' }]);
	});

	it('does not call short standard phrases duplicates', () => {
		expect(checkQuality(draft(task('甲', '已完成。'), task('乙', '已完成。')))).toEqual([]);
	});

	it.each([
		['no figure at all', '已开展相关工作。', [target(5, '个', '5个以上')], ['“5个以上”']],
		['a figure in another unit', '已举办3次活动。', [target(30, '场次', '不少于30场次')], ['“不少于30场次”']],
		[
			'only one of two targets',
			'新建城市书房2座。',
			[target(2, '座', '2座'), target(30, '场次', '不少于30场次')],
			['“不少于30场次”']
		]
	])('flags a target with %s', (_, status, targets, named) => {
		expect(checkQuality(draft(task('丰富文化文明活动', status, targets)))).toEqual([
			{
				kind: 'target_not_reported',
				tasks: ['丰富文化文明活动'],
				detail: `主要内容中的目标${named.join('、')}在完成情况中没有对应的数字`
			}
		]);
	});

	it.each([
		['a figure in the unit', '已实施3个数字化改造项目。', [target(5, '个', '5个以上')]],
		['a Chinese figure in the unit', '已实施三个项目。', [target(5, '个', '5个以上')]],
		['the value itself', '目标5项已落实。', [target(5, '个', '5个以上')]],
		['a percent', '完成率62%。', [target(80, '%', '80%以上')]],
		['a magnitude', '惠及企业1.2万家。', [target(2, '万家', '2万家')]]
	])('accepts %s as reporting on the target', (_, status, targets) => {
		expect(checkQuality(draft(task('甲', status, targets)))).toEqual([]);
	});

	it.each([
		['empty', '', '完成情况为空'],
		['missing', null, '完成情况为空'],
		['无', '无', '完成情况只有占位内容“无”'],
		['暂无', ' 暂无 ', '完成情况只有占位内容“暂无”'],
		['a dash', '—', '完成情况只有占位内容“—”'],
		['a full-width slash', '／', '完成情况只有占位内容“／”']
	])('flags an %s status', (_, status, detail) => {
		expect(checkQuality(draft(task('甲', status)))).toEqual([{ kind: 'empty_status', tasks: ['甲'], detail }]);
	});

	it('does not flag an empty narrative when a status column reported the status', () => {
		expect(checkQuality(draft(task('甲', '', [], 'reported')))).toEqual([]);
	});
});

describe('flagSameAsPrevious', () => {
	it('flags tasks whose text equals their previous period text after trimming', () => {
		const previous = new Map([
			['甲', `${COPIED}  `],
			['乙', '上一期的文字。'],
			['丁', '']
		]);
		expect(
			flagSameAsPrevious(
				draft(task('甲', COPIED), task('乙', '这一期的新文字。'), task('丙', COPIED), task('丁', '')),
				previous
			)
		).toEqual([{ kind: 'same_as_previous', tasks: ['甲'], detail: '完成情况与上一期完全相同' }]);
	});
});

import { describe, expect, it } from 'vitest';
import { inferStatus, mapReportedStatus } from './infer-status';

const Q2 = { quarter: 2, months: null };
const Q4 = { quarter: 4, months: null };
const Q3 = { quarter: 3, months: null };
const NOV = { quarter: null, months: [1, 11] as [number, number] };

describe('inferStatus', () => {
	it.each([
		// completed
		['项目已完成。', Q2, 'completed', ['已完成']],
		['已于5月提前完成全年任务', Q2, 'completed', ['提前完成']],
		['超额完成年度目标，完成率223%', Q4, 'completed', ['超额完成']],
		['海塘路沿线提升工程已全部完成。', Q2, 'completed', ['全部完成']],
		['工程基本完成', Q4, 'completed', ['基本完成']],
		// ahead / on track / behind / not started
		['目前进展较快', Q2, 'ahead', ['进展较快']],
		['稳步推进平安村社创建', Q2, 'on_track', ['稳步推进']],
		['工程基本完成', Q2, 'on_track', ['基本完成']],
		['受疫情影响，项目进度滞后', Q2, 'behind', ['滞后']],
		['全年任务未完成', Q4, 'behind', ['未完成']],
		['项目尚未启动', Q2, 'not_started', ['尚未启动']],
		['暂未开启', Q2, 'not_started', ['暂未开启']],
		['已调整节点目标', Q2, 'unknown', ['调整节点目标']],
		// progress on parts of the work
		['已完成海塘路沿线道路、景观、立面提升。', Q2, 'on_track', ['已完成海塘路沿线道路、景观、立面提升']],
		[
			'全面开工建设新街五小项目,完成长山初中新建项目地块征迁。',
			Q2,
			'on_track',
			['全面开工建设新街五小项目', '完成长山初中新建项目地块征迁']
		],
		['老旧小区改造工作全面开展,涉及新建停车位', Q2, 'on_track', ['全面开展']],
		['已上线15条政策,其中14条开始兑现。', Q2, 'on_track', ['已上线15条政策']],
		// the most cautious verdict wins; verdicts outrank progress
		['一期已完成，二期进度滞后', Q2, 'behind', ['滞后']],
		['已完成征迁，项目稳步推进', Q2, 'on_track', ['稳步推进']],
		['主体工程已完成。', Q2, 'completed', ['已完成']],
		// finished and handed over, the hedge kept; a milestone done early is ahead
		['学校已基本建成并交付使用', Q2, 'completed', ['已基本建成并交付使用']],
		['7个项目超额完成节点目标', Q2, 'ahead', ['超额完成节点目标']],
		['拟于四季度开工', Q2, 'not_started', ['拟于四季度开工']],
		// a part done is progress; the negation is quoted with its phrase
		['一期已完成。', Q2, 'on_track', ['一期已完成']],
		['没有任何项目落后于计划', Q2, 'on_track', ['没有任何项目落后']],
		['年内难以全部建成', Q3, 'behind', ['难以全部建成']],
		// phrases of one kind that disagree: unknown, both quoted
		['工程已全部完成，但进度滞后', Q2, 'unknown', ['全部完成', '滞后']],
		['达到序时进度，低于序时进度2个百分点', Q2, 'unknown', ['达到序时进度', '低于序时进度']],
		// quoted as published: traditional script, inserted pinyin, full-width
		['項目進度滯後', Q2, 'behind', ['滯後']],
		['已完成海塘路(lù)沿線提升', Q2, 'on_track', ['已完成海塘路(lù)沿線提升']],
		['項目並未滯後', Q2, 'on_track', ['並未滯後']]
	] as const)('%s (%o) → %s', (text, period, status, evidence) => {
		expect(inferStatus(text, period)).toEqual({ status, evidence });
	});

	it.each([
		['未完成 before year end decides nothing', '年度任务未完成', Q2],
		['未完成 is not 完成', '暂未完成', Q2],
		['avoiding is not a result', '避免出现进度滞后', Q2],
		['intent: 计划…完成', '计划6月底完成主体结顶', Q2],
		['intent: 力争…完成', '力争年底前全面完成', Q2],
		['next steps are plans, not progress', '进展情况:正在招标。 下步打算:加快推进，确保按期完成。', Q2],
		['完成情况 is a noun', '完成情况详见附件', Q2],
		['activities only', '开展“行走长山”系列采风、研学活动,举办“长山集·有趣市”等文旅活动。', Q2],
		['empty text', '', Q2],
		['no text', null, Q2]
	] as const)('unknown with no evidence: %s', (_, text, period) => {
		expect(inferStatus(text, period)).toEqual({ status: 'unknown', evidence: [] });
	});

	it.each([
		['累计完成投资3亿元，超序时进度', Q2, 'ahead', ['超序时进度']],
		['达到序时进度', Q2, 'on_track', ['达到序时进度']],
		['未达到序时进度', Q2, 'behind', ['未达到序时进度']],
		['低于序时进度12.4个百分点', NOV, 'behind', ['低于序时进度']],
		['完成40%，较序时快2个百分点', Q2, 'ahead', ['较序时快']],
		['進展順利，達序(xù)時', Q2, 'on_track', ['達序(xù)時']],
		['增长4.1%，低于年度目标3.9个百分点', Q2, 'behind', ['低于年度目标']],
		['进展顺利，但低于序时进度5个百分点', Q2, 'behind', ['低于序时进度']]
	] as const)('a comparison with 序时进度 or a target outranks words: %s → %s', (text, period, status, evidence) => {
		expect(inferStatus(text, period)).toEqual({ status, evidence, comparison: true });
	});

	it('stays fast on a long narrative', () => {
		const text = '围绕企业技改项目,全力开展存量挖潜。'.repeat(50_000) + '进度滞后';
		expect(inferStatus(text, Q2)).toEqual({ status: 'behind', evidence: ['滞后'] });
	});
});

describe('mapReportedStatus', () => {
	it.each([
		['顺利推进', Q2, 'on_track'],
		['是', Q2, 'on_track'],
		['否', Q2, 'behind'],
		[' 已完成 ', Q2, 'completed'],
		['提前完成', Q2, 'completed'],
		['超序时进度', Q2, 'ahead'],
		['欠进度', Q2, 'behind'],
		['滞后', Q2, 'behind'],
		['未启动', Q2, 'not_started'],
		['其它类', Q2, 'unknown'],
		['基本完成', Q4, 'completed'],
		['达序时。', Q2, 'on_track'],
		['達序時', Q2, 'on_track'],
		['進度滯後', Q2, 'behind']
	] as const)('%s → %s', (word, period, status) => {
		expect(mapReportedStatus(word, period)).toEqual({ status, evidence: [word.trim().replace(/。$/, '')] });
	});

	it.each([['待定'], [''], ['  '], [null], ['未完成']])('cannot map %o', (word) => {
		expect(mapReportedStatus(word, Q2)).toBeNull();
	});
});

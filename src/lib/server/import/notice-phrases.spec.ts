import { describe, expect, it } from 'vitest';
import type { Status } from '../../domain/status';
import { findGroupPhrases, GROUP_PHRASES } from './notice-phrases';

/** One example per GROUP_PHRASES row, in the same order: [sentence, the phrase found, status]. */
const EXAMPLES: [string, string, Status][] = [
	['已经完成或基本完成的指标任务，共计19项', '已经完成或基本完成', 'completed'],
	['“提高低保标准”项目已完成全年任务，', '已完成全年任务', 'completed'],
	['有5个项目均已建成。', '均已建成', 'completed'],
	['有7项提前完成任务，占比42%', '提前完成任务', 'completed'],
	['3项基本完成。', '基本完成', 'completed'],
	['12个项目全部完成。', '全部完成', 'completed'],
	['完成率100%的项目有：甲、乙', '完成率100%', 'completed'],
	['等6个项目提前或超额完成了节点任务，', '提前或超额完成了节点任务', 'ahead'],
	['3项进展较快，占比27%', '进展较快', 'ahead'],
	['超进度的有10个', '超进度', 'ahead'],
	['高于序时进度的有8项', '高于序时进度', 'ahead'],
	['97个项目达序时或超序时进度。', '达序时或超序时进度', 'on_track'],
	['达进度的有162个', '达进度', 'on_track'],
	['其余18个项目均按照时间节点稳步推进。', '按照时间节点稳步推进', 'on_track'],
	['其余项目稳步推进。', '稳步推进', 'on_track'],
	['目前进展情况良好的指标任务，共计98项。', '进展情况良好', 'on_track'],
	['25个项目按计划完成节点目标', '按计划完成节点目标', 'on_track'],
	['地区生产总值等经济指标完成情况较好；', '完成情况较好', 'on_track'],
	['其余各项指标均有序时推进。', '有序时推进', 'on_track'],
	['完成率在60%以上的项目有12个', '完成率在60%以上', 'on_track'],
	['未达到序时进度11项、占比20.0%', '未达到序时进度', 'behind'],
	['欠进度的有17个', '欠进度', 'behind'],
	['建设进度相对较慢的县区为舒城县。', '建设进度相对较慢', 'behind'],
	['也有部分指标滞后序时，', '滞后序时', 'behind'],
	['以下项目进度滞后：甲、乙', '进度滞后', 'behind'],
	['落后于序时进度的有4项', '落后于序时进度', 'behind'],
	['等项目完成情况不够理想，', '完成情况不够理想', 'behind'],
	['完成有一定困难，但通过努力', '完成有一定困难', 'behind'],
	['年底前不能全部完成的任务有3项。', '年底前不能全部完成', 'behind'],
	['全市未完成援助任务的县区为霍山县。', '未完成援助任务', 'behind'],
	['完成率低于40%的项目有：甲（35%）', '完成率低于40%', 'behind'],
	['以下项目推进缓慢：甲、乙', '推进缓慢', 'behind'],
	['以下项目进展迟缓：甲', '进展迟缓', 'behind'],
	['甲、乙等项目处于停滞状态。', '处于停滞状态', 'behind'],
	['尚未开工的项目有：甲、乙', '尚未开工', 'not_started'],
	['3个项目报市政府同意后调整节点目标', '调整节点目标', 'unknown'],
	['指标项目出现调整的有3项。', '出现调整', 'unknown'],
	['因某种原因调整的项目是“甲”', '调整的项目', 'unknown'],
	['其它类9个，占总任务的4.1%', '其它类', 'unknown']
];

describe('GROUP_PHRASES', () => {
	it('has one example per row', () => {
		expect(EXAMPLES).toHaveLength(GROUP_PHRASES.length);
	});

	it.each(EXAMPLES.map((example, row) => [row, ...example] as const))(
		'row %i: %s → %s (%s)',
		(row, sentence, phrase, status) => {
			expect(GROUP_PHRASES[row].status).toBe(status);
			expect(new RegExp(GROUP_PHRASES[row].pattern).test(phrase)).toBe(true);
			expect(findGroupPhrases(sentence).map((m) => [m.text, m.status])).toEqual([[phrase, status]]);
		}
	);
});

/** Sentences where a status word stands but no group does. */
const NO_GROUP: [string, string][] = [
	['negated', '没有任何项目落后于序时进度。'],
	['negated further back', '今年并未出现项目进度滞后的情况。'],
	['a plan', '力争年底前提前完成全年任务。'],
	['a rule for whatever falls under it', '对推进落实缓慢、未达到序时进度或不按时报送的要加大通报力度。'],
	['a plan for the next month', '4月份计划:加快未开工项目尽快开工。'],
	['a measure, not a count of items', '排摸申报领军人才23人，超额完成8人，申报完成率153.3%。'],
	['percentage points', '16个省列重点项目占年度计划的44%，超时间进度2.3个百分点。'],
	['work done to an object', '已完成适龄女生免费接种HPV疫苗27904人次。'],
	['the word 完成 alone', '年底前能确保完成的指标任务。']
];

describe('findGroupPhrases', () => {
	it.each(NO_GROUP)('finds no group in %s: %s', (_, sentence) => {
		expect(findGroupPhrases(sentence)).toEqual([]);
	});

	it('matches leftmost-longest: 未达到序时进度 is never read as 达到序时进度', () => {
		expect(findGroupPhrases('达到序时进度44项。未达到序时进度11项。').map((m) => m.status)).toEqual([
			'on_track',
			'behind'
		]);
	});
});

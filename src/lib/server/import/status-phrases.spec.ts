import { describe, expect, it } from 'vitest';
import type { Status } from '../../domain/status';
import { inferStatus } from './infer-status';
import { STATUS_RULES } from './status-phrases';

const Q1 = { quarter: 1, months: null };
const Q2 = { quarter: 2, months: null };
const Q3 = { quarter: 3, months: null };
const Q4 = { quarter: 4, months: null };
type PeriodEnd = typeof Q2;

describe('STATUS_RULES', () => {
	it.each(STATUS_RULES.map((rule, i) => [i, rule.example, rule] as const))(
		'row %i: “%s” reads as the row says',
		(_, example, rule) => {
			const reading = inferStatus(example, rule.when === 'year-end' ? Q4 : Q2);
			if (rule.status === null) expect(reading).toEqual({ status: 'unknown', evidence: [] });
			else {
				expect(reading.status).toBe(rule.status);
				expect(reading.evidence.join('').length).toBeGreaterThan(0);
			}
		}
	);

	it('has patterns that compile and capture nothing of their own (the reader numbers rows by group)', () => {
		for (const rule of STATUS_RULES) expect(new RegExp(`|${rule.pattern}`).exec('')!.length).toBe(1);
	});
});

/**
 * Status phrases as governments write them: one line each, the text and the status it states.
 * Tagged groups: `negation` holds a negation word (not always one that turns the phrase),
 * `traditional` is in traditional script or with inserted pinyin.
 */
const PHRASES: { tag: 'plain' | 'negation' | 'traditional'; period: PeriodEnd; cases: [string, Status][] }[] = [
	{
		tag: 'plain',
		period: Q2,
		cases: [
			['该项目已于4月底全面竣工并交付使用。', 'completed'],
			['新建社区食堂12家，年度任务已完成。', 'completed'],
			['城市书房5座已全部建成并投入使用。', 'completed'],
			['老旧小区改造项目已竣工验收。', 'completed'],
			['提前完成全年目标任务，完成率112%。', 'completed'],
			['截至6月底，全年20个停车场项目已全部完工。', 'completed'],
			['安置房已建成并移交属地街道。', 'completed'],
			['学校已基本建成并交付使用，秋季如期开学。', 'completed'],
			['公交首末站已建成运营。', 'completed'],
			['该事项已办结。', 'completed'],
			['全年目标已圆满完成。', 'completed'],
			['智慧停车平台已正式上线运营。', 'completed'],
			['道路改造工程已通过竣工验收并移交管养单位。', 'completed'],
			['已完成全部15个村的污水管网建设，年度任务全面完成。', 'completed'],
			['2个项目均已完成。', 'completed'],
			['已于5月底全面完成年度任务。', 'completed'],
			['已提前一个月完成全年目标。', 'completed'],
			['截至9月底已完成年度目标任务。', 'completed'],
			['累计完成投资3.2亿元，占年度计划的64%，超序时进度14个百分点。', 'ahead'],
			['完成全年目标的40%，较序时快2个百分点。', 'ahead'],
			['一季度已提前完成节点目标任务。', 'ahead'],
			['7个项目超额完成节点目标。', 'ahead'],
			['上半年目标任务已提前完成，整体进展较快。', 'ahead'],
			['工作进度高于序时进度。', 'ahead'],
			['项目建设超时间进度8个百分点。', 'ahead'],
			['社会消费品零售总额同比增长9.2%，高于预期目标1.2个百分点。', 'ahead'],
			['进出口总额增长12%，比年度目标高2个百分点。', 'ahead'],
			['目前各项工作推进较快，超前完成阶段性任务。', 'ahead'],
			['提前一个月完成二季度节点目标。', 'ahead'],
			['工程形象进度已超过计划进度。', 'ahead'],
			['截至6月底，累计完成投资1.5亿元，达到序时进度。', 'on_track'],
			['各子项目均按序时推进。', 'on_track'],
			['项目建设与时间进度同步。', 'on_track'],
			['25个项目按计划完成节点目标。', 'on_track'],
			['前期工作有序推进，已完成可研批复。', 'on_track'],
			['目前项目进展顺利。', 'on_track'],
			['工程正在施工，主体结构已完成60%。', 'on_track'],
			['整体进度正常，符合预期。', 'on_track'],
			['其余18个项目均按照时间节点稳步推进。', 'on_track'],
			['各项工作正常推进中。', 'on_track'],
			['新院区已投入试运营。', 'on_track'],
			['地区生产总值同比增长6.5%，达到年度预期目标。', 'on_track'],
			['主体工程基本完成，正在进行内部装修。', 'on_track'],
			['完成率45％，达到序时进度。', 'on_track'],
			['部分项目已提前完成，整体稳步推进。', 'on_track'],
			['其中3个项目已竣工。', 'on_track'],
			['受疫情影响，项目进度滞后。', 'behind'],
			['完成投资2.1亿元，低于序时进度12.4个百分点。', 'behind'],
			['固定资产投资、财政收入2项指标未达到序时进度。', 'behind'],
			['受征地拆迁影响，项目进展迟缓。', 'behind'],
			['因资金链断裂，项目处于停滞状态。', 'behind'],
			['施工单位退场，工程已停工两个月。', 'behind'],
			['新建农村公办幼儿园进展偏慢。', 'behind'],
			['受原材料涨价影响，全年目标完成有一定困难。', 'behind'],
			['规上工业增加值增长4.1%，低于年度目标3.9个百分点。', 'behind'],
			['地方财政收入同比增长2.5%，比年度目标低3.5个百分点。', 'behind'],
			['完成年度目标的38%，较序时进度慢12个百分点。', 'behind'],
			['该项目欠进度。', 'behind'],
			['农村道路畅通工程建设进度相对较慢。', 'behind'],
			['生活无着人员社会救助，市本级完成进度较慢。', 'behind'],
			['受资金短缺影响，完成情况不够理想。', 'behind'],
			['项目推进不力，与序时进度相比仍有较大差距。', 'behind'],
			['进度落后于计划。', 'behind'],
			['一期已完成，二期进度滞后。', 'behind'],
			['进展情况：已完成招标，但受天气影响工期严重滞后。', 'behind'],
			['资金尚未落实，项目尚未启动。', 'not_started'],
			['前期手续正在办理，暂未开工。', 'not_started'],
			['项目拟于四季度开工建设。', 'not_started'],
			['目前项目仍处于前期阶段。', 'not_started'],
			['正在开展前期工作，计划下半年开工。', 'not_started'],
			['受规划调整影响，项目暂未开展。', 'not_started'],
			['该项目预计10月动工。', 'not_started'],
			['用地手续尚未取得，暂未启动建设。', 'not_started'],
			['经报市政府同意后调整节点目标。', 'unknown'],
			['因某种原因，该指标项目出现调整。', 'unknown'],
			['工程已全部完成，但进度滞后。', 'unknown'],
			['达到序时进度，低于序时进度2个百分点。', 'unknown'],
			['项目已竣工验收，尚未开工。', 'unknown'],
			['力争年底前全面完成。', 'unknown'],
			['确保高质量完成年度目标任务。', 'unknown'],
			['计划6月底完成主体结顶。', 'unknown'],
			['开展“行走长山”系列采风、研学活动，举办文旅活动。', 'unknown'],
			['对未达到序时进度要求的任务进行重点督查。', 'unknown'],
			['淘汰落后产能12万吨。', 'unknown'],
			['进展顺利，但低于序时进度5个百分点。', 'behind'],
			['个别子项目推进缓慢，整体超序时进度3个百分点。', 'ahead'],
			['已完成全年任务的85%。', 'unknown'],
			['累计完成投资2.4亿元，已完成序时进度。', 'on_track'],
			['较时序进度超出5个百分点。', 'ahead'],
			['项目已按期完成。', 'completed'],
			['已完成全部建设任务。', 'completed'],
			['提前实现全年目标。', 'completed'],
			['各项工作进展总体顺利。', 'on_track'],
			['受资金影响，项目暂停施工。', 'behind'],
			['项目尚未进场施工。', 'not_started'],
			['经研究，该项目暂缓实施。', 'not_started'],
			['因规划调整，该项目已取消。', 'unknown'],
			['已取消高速公路省界收费站。', 'unknown'],
			['道路改造已全部开工。', 'on_track'],
			['主体工程已开工，下一步，将加快推进装修。', 'on_track'],
			['目前正在招标，下一步将力争提前完成。', 'unknown'],
			['10个全民健身示范工程已开工8个，已完工7个。', 'on_track'],
			['4月份计划：加快未开工项目尽快开工。', 'unknown']
		]
	},
	{
		tag: 'plain',
		period: Q4,
		cases: [
			['全年目标未完成。', 'behind'],
			['截至年底，仍有3个项目未全部完成。', 'behind'],
			['年度任务基本完成。', 'completed'],
			['城镇新增就业1352万人，完成年度目标。', 'completed'],
			['地区生产总值比上年增长6.1%，符合年度预期目标。', 'completed'],
			['超额完成年度目标，整体完成率223%。', 'completed']
		]
	},
	{
		tag: 'plain',
		period: Q1,
		cases: [['完成一季度目标任务。', 'on_track']]
	},
	{
		tag: 'negation',
		period: Q2,
		cases: [
			['没有任何项目落后于计划。', 'on_track'],
			['该项目不属于滞后项目。', 'on_track'],
			['项目并未滞后。', 'on_track'],
			['经核查，未发现进度滞后的情况。', 'on_track'],
			['全年目标难以完成。', 'behind'],
			['目前尚不具备开工条件。', 'not_started'],
			['项目进展并不顺利。', 'behind'],
			['进度没有达到序时要求。', 'behind'],
			['项目实施没有出现滞后。', 'on_track'],
			['不存在进度滞后问题。', 'on_track'],
			['未出现停工情况。', 'on_track'],
			['项目并非停滞，而是在等待审批。', 'on_track'],
			['避免出现进度滞后。', 'unknown'],
			['确保不滞后于序时进度。', 'unknown'],
			['暂无未开工项目。', 'on_track'],
			['没有一个项目未开工。', 'on_track'],
			['尚未完成的3个项目并未滞后。', 'on_track'],
			['目前看年内完成有难度。', 'behind'],
			['受汛期影响，不能按期完成。', 'behind'],
			['主体工程未能如期完工。', 'behind'],
			['项目建设没有按计划推进。', 'behind'],
			['进度不符合序时要求。', 'behind'],
			['项目一直未能开工建设。', 'not_started'],
			['该项目不属于进展缓慢的项目。', 'on_track'],
			['资金未到位导致项目进度滞后。', 'behind'],
			['因手续未办结，项目进展缓慢。', 'behind'],
			['用地指标不足，项目推进缓慢。', 'behind'],
			['不断加快进度，项目稳步推进。', 'on_track'],
			['部分指标未达到序时进度。', 'behind'],
			['未完成的项目均已开工建设。', 'on_track'],
			['没有按时间节点完成。', 'behind'],
			['截至目前，项目未按计划完成节点目标。', 'behind'],
			['暂未发现推进缓慢的情况。', 'on_track'],
			['项目尚未达到序时进度。', 'behind'],
			['进度并未落后于序时。', 'on_track'],
			['增速没有达到年度目标。', 'behind'],
			['该项目不在滞后项目之列。', 'on_track'],
			['无一项目出现停滞。', 'on_track'],
			['未发现停工、停滞现象。', 'on_track'],
			['不是进度滞后的项目。', 'on_track'],
			['各项工作不折不扣推进，进展良好。', 'on_track'],
			['非税收入完成全年目标的56%，进展正常。', 'on_track'],
			['建设工期无法按期完成。', 'behind'],
			['打击非法集资专项行动稳步推进。', 'on_track'],
			['未成年人保护工作进展顺利。', 'on_track'],
			['生活无着人员救助工作已全部完成。', 'completed'],
			['拟定的实施方案已完成。', 'completed'],
			['未列入省重点项目的配套道路工程目前进展顺利。', 'on_track'],
			['该项目至今无实质性进展。', 'behind']
		]
	},
	{
		tag: 'negation',
		period: Q3,
		cases: [
			['年内难以全部建成。', 'behind'],
			['预计年底前无法完成全年任务。', 'behind'],
			['年内不能全部完工。', 'behind']
		]
	},
	{
		tag: 'traditional',
		period: Q2,
		cases: [
			['該項目已於9月底竣工驗收。', 'completed'],
			['年度任務已全部完成。', 'completed'],
			['已提前完成全年目標。', 'completed'],
			['工程已建成並投入使用。', 'completed'],
			['已完成年度目標任務。', 'completed'],
			['宿豫區97個項目達序時或超序時進度。', 'on_track'],
			['進度超序時。', 'ahead'],
			['超時序進度12.11個百分點。', 'ahead'],
			['恆山路小學建設等項目進展較快。', 'ahead'],
			['經督查核實，該項任務達序時。', 'on_track'],
			['項目按序(xù)時推進。', 'on_track'],
			['項目按序（xù）時（shí）推進。', 'on_track'],
			['整體進展順利。', 'on_track'],
			['各項工作穩步推進。', 'on_track'],
			['項目建設與時間進度同步。', 'on_track'],
			['達到序時進度。', 'on_track'],
			['各項工作有序推進。', 'on_track'],
			['主體工程基本完成，正在進行內部裝修。', 'on_track'],
			['滯後序時進度5個百分點。', 'behind'],
			['項目進展緩慢。', 'behind'],
			['未達序時進度。', 'behind'],
			['進度偏慢，需加快推進。', 'behind'],
			['受疫情影響，部分項目推進緩慢。', 'behind'],
			['工程進度嚴重滯(zhì)後。', 'behind'],
			['尚未開工。', 'not_started'],
			['項目擬於四季度開工。', 'not_started'],
			['項目尚未啟動。', 'not_started'],
			['該項目並未滯後。', 'on_track'],
			['沒有任何項目落後於計劃。', 'on_track'],
			['未出現進度滯後。', 'on_track'],
			['項目不屬於滯後項目。', 'on_track'],
			['資金未到位導致進度滯後。', 'behind'],
			['項目並非停滯。', 'on_track']
		]
	}
];

describe('inferStatus on real-world status phrases', () => {
	const rows = PHRASES.flatMap(({ tag, period, cases }) =>
		cases.map(([text, status]) => [text, status, period, tag] as const)
	);

	it.each(rows)('%s → %s', (text, status, period) => {
		expect(inferStatus(text, period).status).toBe(status);
	});

	it('holds at least 150 phrases, 40 of them with a negation and 20 in traditional script', () => {
		const count = (pattern: RegExp) => rows.filter(([text]) => pattern.test(text)).length;
		expect(rows.length).toBeGreaterThanOrEqual(150);
		expect(count(/没|未|不|无|非|难以|避免/)).toBeGreaterThanOrEqual(40);
		expect(count(/[進達項務續時後緩開啟態穩屬於並無體區經與]/)).toBeGreaterThanOrEqual(20);
	});
});

/**
 * The status vocabulary as data: one row per class of phrase, as real reports and supervision
 * bulletins write them (DESIGN.md, "Status words seen in real reports"). infer-status.ts reads a
 * narrative against these rows; it holds no phrase of its own (only a status column's 是 / 否).
 *
 * Patterns are regular expressions on the match form of the text (normalise.ts: simplified
 * script, no inserted pinyin, half-width punctuation), without capturing groups. At each place in
 * the text the first row that matches wins, so a more specific row stands before a more general
 * one (提前完成节点目标 before 提前完成, 完成情况 before 完成).
 */
import type { Status } from '../../domain/status';

/**
 * comparison: the task against 序时进度, 时间进度 or its target (达到序时进度, 增速高于目标); it
 * outranks every other phrase and a stated percent. verdict: the task's standing in words
 * (滞后, 进展顺利, 已完成). progress: part of the work done or begun (完成…征迁, 开工建设): on track
 * unless something stronger speaks.
 */
export type PhraseKind = 'comparison' | 'verdict' | 'progress';

export interface StatusRule {
	pattern: string;
	/** null: decides nothing, but keeps the phrases inside it from matching (完成情况 is not 完成). */
	status: Status | null;
	kind: PhraseKind;
	/** Only at the year's end, or only before it. */
	when?: 'year-end' | 'before-year-end';
	/** A real-world sentence this row decides; the spec reads each one (Q2, or Q4 for year-end rows). */
	example: string;
	/** The short word a status column may hold, shown in the import template. */
	word?: string;
}

/** Where a clause ends, in the match form (full-width punctuation is already half-width). */
export const CLAUSE_END = '[,。;!?:\\n]';
/** Any character that does not end a clause. */
const IN_CLAUSE = '[^,。;!?:\\n]';
const END = `(?=$|${CLAUSE_END}|、|\\s)`;
const NOT_END = `(?!$|${CLAUSE_END}|、|\\s)`;
/** 序时进度 and the ways pages write it. */
const SCHEDULE = '(?:(?:序时|时序|时间)(?:进度)?|(?:年度)?计划进度)';
/**
 * A growth figure earlier in the sentence: a growth target is compared as growth, not as a share.
 * Placed after the comparing word, so the look back runs only where that word stands.
 */
const AFTER_GROWTH = '(?<=(?:增长|增速|增幅|同比|增加|提高)[^。;]{0,34})';
const TARGET = '(?:年度|全年)?(?:预期|计划)?目标(?:任务)?';
/** A milestone: not the year's target. */
const MILESTONE_WORD = '(?:节点|阶段性?|[一二三]季度|上半年|半年|月度|月份)';
const MILESTONE = `${IN_CLAUSE}{0,8}?${MILESTONE_WORD}(?:目标|任务|计划)`;
/** Done early or beyond: 提前完成, 提前一个月完成, 超额完成. */
const EARLY = '(?:提前(?:[\\d一二三四五六七八九十两半]+个?(?:月|周|天|日|年))?|超额|超前)完成';

const row = (
	status: Status | null,
	kind: PhraseKind,
	pattern: string,
	example: string,
	extra: Partial<StatusRule> = {}
): StatusRule => ({ pattern, status, kind, example, ...extra });

export const STATUS_RULES: readonly StatusRule[] = [
	// Slow before the nouns below: 完成进度较慢 is slow, not the noun 完成进度.
	row(
		'behind',
		'verdict',
		'(?:推进|进展|进度|建设|完成|工作){1,2}(?:相对|明显|仍然|仍)?(?:缓慢|偏慢|较慢|迟缓|不快)|相对较慢',
		'新开工棚户区改造完成进度相对较慢'
	),
	// A judgement of how it went, before the noun 完成情况 below.
	row(
		'on_track',
		'verdict',
		'(?:完成|进展|推进)情况(?:总体|整体)?(?:较好|良好|好)',
		'地区生产总值等经济指标完成情况较好'
	),
	row('behind', 'verdict', '(?:完成|进展|推进)情况(?:较差|不好|不佳)', '社会融资规模完成情况较差'),
	// Nouns and percent statements that hold status words: they decide nothing.
	row(null, 'verdict', '完成(?:情况|值|时限|时间|率|进度|比例|投资额|目标任务情况)', '完成情况详见附件'),
	row(null, 'verdict', '(?:已|已经)?完成(?:全年|年度|年)(?:目标|任务|计划)(?:任务)?的', '已完成全年任务的85%'),
	row(null, 'verdict', '落后(?:产能|地区|设备|工艺|产业)', '淘汰落后产能12万吨'),
	// A notice's requirement (对未达到序时进度要求的任务), not a task's standing.
	row(
		null,
		'verdict',
		'(?:未|没有)?(?:达到|达)?(?:序时|时序|时间)(?:进度)?要求的',
		'对未达到序时进度要求的任务进行督查'
	),
	// A milestone done early or beyond is ahead; done as planned is on track. Not the year.
	row('ahead', 'verdict', `(?:已|已经)?${EARLY}(?:了)?${MILESTONE}`, '一季度已提前完成节点目标任务'),
	row(
		'ahead',
		'verdict',
		`${MILESTONE_WORD}${IN_CLAUSE}{0,6}?(?:目标|任务|计划)${IN_CLAUSE}{0,4}?${EARLY}`,
		'上半年目标任务已提前完成'
	),
	row(
		'on_track',
		'verdict',
		`(?:已|已经)?(?:按计划|如期|按期|按时|均)?完成(?:了)?${MILESTONE}`,
		'25个项目按计划完成节点目标'
	),
	// Comparisons with 序时进度 / 时间进度, and of growth with its target.
	row('behind', 'comparison', `(?:未|没有|尚未)(?:达到|达)${SCHEDULE}`, '固定资产投资未达到序时进度', {
		word: '未达到序时进度'
	}),
	row('behind', 'comparison', `(?:滞后|落后|慢|低)于?${SCHEDULE}`, '完成投资2.1亿元，低于序时进度12.4个百分点', {
		word: '低于序时进度'
	}),
	row(
		'behind',
		'comparison',
		`(?:较|比)${SCHEDULE}(?:慢|低|滞后|落后|相差)`,
		'完成年度目标的38%，较序时进度慢12个百分点'
	),
	row('behind', 'comparison', '欠(?:序时|时序)?进度|欠序', '经督查核实，该项目欠进度', { word: '欠进度' }),
	row(
		'ahead',
		'comparison',
		`(?:超额完成|超过|超出|超|快于|高于|领先)(?:了)?${SCHEDULE}`,
		'占年度计划投资42.5%，超时序进度17.5个百分点',
		{
			word: '超序时进度'
		}
	),
	row('ahead', 'comparison', `(?:较|比)${SCHEDULE}(?:快|高|超前|提前|超出|超过)`, '完成40%，较序时快2个百分点'),
	row('ahead', 'comparison', '超进度|超序', '经督查核实，该任务超进度', { word: '超进度' }),
	row(
		'on_track',
		'comparison',
		`(?:达到|达|符合|同步于|(?:已|已经)?完成)${SCHEDULE}(?![进的])`,
		'截至6月底，累计完成投资1.5亿元，达到序时进度',
		{
			word: '达到序时进度'
		}
	),
	row('on_track', 'comparison', `与${SCHEDULE}(?:基本)?(?:同步|持平|相当|一致)`, '项目建设与时间进度同步'),
	row(
		'on_track',
		'comparison',
		`按(?:照)?${SCHEDULE}(?:要求)?(?:有序|稳步)?(?:推进|完成)|序时推进`,
		'各子项目均按序时推进',
		{
			word: '按序时推进'
		}
	),
	row('on_track', 'comparison', '达进度|达序', '经督查核实，该任务达进度', { word: '达进度' }),
	row(
		'behind',
		'comparison',
		`(?:低于|落后于|慢于|未达到?)${AFTER_GROWTH}${TARGET}`,
		'规上工业增加值增长4.1%，低于年度目标3.9个百分点'
	),
	row(
		'behind',
		'comparison',
		`比${AFTER_GROWTH}${TARGET}(?:低|慢|少)`,
		'地方财政收入同比增长2.5%，比年度目标低3.5个百分点'
	),
	row(
		'ahead',
		'comparison',
		`(?:高于|超过|超出|快于)${AFTER_GROWTH}${TARGET}`,
		'社会消费品零售总额增长9.2%，高于年度目标1.2个百分点'
	),
	row('ahead', 'comparison', `比${AFTER_GROWTH}${TARGET}(?:高|快|多)`, '进出口总额增长12%，比预期目标高2个百分点'),
	row(
		'completed',
		'comparison',
		`(?:达到|符合|完成)${AFTER_GROWTH}${TARGET}`,
		'地区生产总值比上年增长6.1%，符合年度预期目标',
		{
			when: 'year-end'
		}
	),
	row('on_track', 'comparison', `(?:达到|符合)${AFTER_GROWTH}${TARGET}`, '地区生产总值同比增长6.5%，达到年度预期目标', {
		when: 'before-year-end'
	}),
	// Finished and handed over; a hedge (基本) stays in the phrase and so in the evidence. A count
	// after it (已完工7个) is progress on some of the items.
	row(
		'completed',
		'verdict',
		`(?:已|已经|均已|全部|顺利)(?:于${IN_CLAUSE}{0,10}?)?(?:基本|全面|全部|顺利)?(?:建成(?:并)?(?:投入|正式)?(?:交付使用|移交使用|运营|使用|投用|运行|开放|通车|投产|移交|交付)|(?:正式)?上线(?:运营|运行)|移交|交付(?:使用)?|投入使用|投用|竣工(?:验收)?|完工|通过(?:竣工)?验收|开通运营|正式运营|办结|全面建成|全部建成)(?![\\d一二三四五六七八九十两])`,
		'该项目已于9月底建成并移交使用',
		{ word: '已移交' }
	),
	// With a word of extent only: 开展竣工验收 is an activity.
	row(
		'completed',
		'verdict',
		`(?:基本|全面|全部|均|顺利)(?:建成投用|竣工验收|交付使用|移交使用|建成运营)${END}`,
		'学校主体工程全面竣工验收'
	),
	row(
		'completed',
		'verdict',
		`${EARLY}|提前实现(?:全年|年度)?(?:目标|任务)|全部完成|全面完成|圆满完成|全部建成|全面建成|全部办结|均已完成|已全面完成|(?:已|均已|已经)(?:按期|如期|按时)完成|(?:已|已经)?完成(?:了)?全部${IN_CLAUSE}{0,6}?(?:任务|内容|目标)${END}`,
		'已于5月提前完成全年任务',
		{ word: '提前完成' }
	),
	row('completed', 'verdict', `(?:已|已经|均已|已顺利)完成${END}`, '海塘路沿线提升工程已完成。', { word: '已完成' }),
	row(
		'completed',
		'verdict',
		`(?:已|已经)?完成(?:了)?(?:全年|年度|年)(?:目标|任务|计划)(?:任务)?${END}`,
		'截至9月底已完成年度目标任务'
	),
	row('completed', 'verdict', '(?:已)?基本(?:完成|建成|完工)', '工程基本完成', { when: 'year-end' }),
	row('on_track', 'verdict', '(?:已)?基本(?:完成|建成|完工)', '主体工程基本完成，正在进行内部装修', {
		when: 'before-year-end'
	}),
	// Not begun: stated, planned for later, or still in preparation.
	row(
		'not_started',
		'verdict',
		'(?:尚|暂|还|仍|均|一直)?(?:未|没有|未能|迟迟未)(?:正式)?(?:启动|开启|开工|开展|开始|实施|动工|进场|招标|落地)|不具备(?:开工|施工|建设)条件|暂缓(?:实施|建设|启动|开工)',
		'资金尚未落实，项目尚未启动',
		{ word: '未启动' }
	),
	row(
		'not_started',
		'verdict',
		`(?:拟|计划|预计|准备|争取|力争|将)(?:于|在|到)?${IN_CLAUSE}{0,10}?(?:开工|动工|启动|开建|实施)(?:建设)?${END}`,
		'用地手续正在报批，拟于四季度开工'
	),
	row(
		'not_started',
		'verdict',
		'(?:尚|仍|目前|还)?处于(?:项目)?前期(?:阶段|工作阶段|筹备阶段|准备阶段)?|正在(?:开展|办理|推进|进行)(?:项目)?前期(?:工作|手续)|前期(?:工作|手续)(?:正在|尚在|仍在)(?:办理|进行|开展)',
		'项目目前仍处于前期阶段'
	),
	// Ahead and on track in words.
	row('ahead', 'verdict', '(?:进展|进度|推进)(?:较快|超前)|超前推进|快于预期|好于预期', '目前项目进展较快'),
	row(
		'on_track',
		'verdict',
		'按(?:照)?(?:计划|时间节点|节点|既定)(?:有序|稳步)?(?:推进|实施|完成)|(?:正常|稳步|有序|顺利|按期|如期)推进|(?:进展|推进|进度|运行)(?:总体|整体|基本|较为|比较|十分|非常)?(?:顺利|良好|正常)|总体平稳|符合预期|达到预期',
		'受理、审批等各项工作有序推进',
		{ word: '顺利推进' }
	),
	row(
		'on_track',
		'verdict',
		'(?:正在|加快)推进中|推进中|正在推进|正在(?:实施|建设|施工)|试运营|试运行',
		'二期工程正在施工'
	),
	// Behind in words: lagging, slow, stalled, in difficulty.
	row('behind', 'verdict', '滞后|落后|迟缓', '受疫情影响，项目进度滞后', { word: '滞后' }),
	row(
		'behind',
		'verdict',
		'停滞|停工|搁置|烂尾|暂停(?:实施|建设|施工)|被迫暂停|(?:无|没有|未取得)(?:实质性?|明显|任何)?进展|进展(?:不大|甚微)',
		'因资金链断裂，项目处于停滞状态'
	),
	row(
		'behind',
		'verdict',
		'完成(?:有|存在)(?:一定|较大|很大)?(?:困难|难度)|完成难度(?:较|很)?大|不够理想|不理想|不及预期|低于预期|(?:较大|明显)差距|差距(?:较|很)?大|推进不力|(?:推进|进展|进度)(?:并|仍|还)?不(?:够|太|很)?(?:顺利|理想|正常)|(?:未能|未|没有)(?:按期|按时|按计划|如期)(?:完成|完工|建成|推进|实施|开工)?',
		'受征地拆迁影响，全年目标完成有一定困难'
	),
	row('behind', 'verdict', '(?:尚|暂|仍|还)?(?:未|没有|未能)(?:全部|全面)?完成', '年度任务未完成', {
		when: 'year-end'
	}),
	row(null, 'verdict', '(?:尚|暂|仍|还)?(?:未|没有|未能)(?:全部|全面)?完成', '部分子项目尚未完成', {
		when: 'before-year-end'
	}),
	// Shown apart: adjusted targets, other.
	row(
		'unknown',
		'verdict',
		`其[它他]类|(?:调整|调减|变更)(?:了)?(?:年度|节点)?目标|出现调整|无法判断|(?:已|予以)取消${END}|不再实施|终止实施`,
		'经报市政府同意后调整节点目标',
		{
			word: '其它类'
		}
	),
	// Parts of the work done or begun.
	row('on_track', 'progress', `(?:已|已经)完成${NOT_END}`, '已完成海塘路沿线道路、景观、立面提升'),
	row(
		'on_track',
		'progress',
		'(?:已|均已|已经)(?:全部|全面)?(?:开工|启动|上线|签约|投用|落地|开业)|完成|建成|全面开工|开工建设|全面启动|启动|全面开展|投入使用|通过验收',
		'全面开工建设新街五小项目'
	)
];

/** Words that negate what follows them in their clause; the first alternative that fits wins. */
export const NEGATORS: readonly { pattern: string; kind: NegationKind }[] = [
	// Words holding a negation character that negate nothing after them.
	{
		pattern:
			'不断|不少|不仅|不但|不折不扣|不懈|不遗余力|不停|不良|不动产|不定期|不忘|不等|不足|不到位|不力|不够|不畅|不佳|不利|不高|不强|不稳|不平衡|不充分|无缝|无障碍|无人机|无害化|无偿|无线|无纸化|无锡|无论|无着|无证|无主|无业|非遗|非常|非公|非物质|非税|非法|非洲|未来|未央|未成年|未婚|没收|毫不|不合格|不文明|不安全|不稳定|不规范|不正当|不确定',
		kind: 'none'
	},
	{ pattern: '避免|防止|杜绝|以免|谨防|严防|是否', kind: 'unreal' },
	{ pattern: '难以|无法|不能|不可能|未能|不会|很难|较难|恐难', kind: 'cannot' },
	{ pattern: '并非|并未|并没有|并无|没有|尚未|暂未|还未|仍未|从未|不再|未发现|未出现|没|未|不|无|非', kind: 'not' }
];

/**
 * not: 没有任何项目落后, 不属于滞后项目; cannot: 年内难以全部建成; unreal: 避免滞后, 是否滞后
 * (a wish or a question, not a result); none: a word that only looks like a negation (不断推进).
 */
export type NegationKind = 'not' | 'cannot' | 'unreal' | 'none';

/**
 * What a negated phrase says, by the phrase's status (progress phrases apart). null: nothing.
 * A completion negated (未全部建成) is behind only at the year's end; one that cannot happen
 * (年内难以全部建成) is behind at any time.
 */
export const NEGATED: Record<
	Status | 'progress',
	{ not: Status | null; notAtYearEnd?: Status; cannot: Status | null }
> = {
	completed: { not: null, notAtYearEnd: 'behind', cannot: 'behind' },
	ahead: { not: null, cannot: null },
	on_track: { not: 'behind', cannot: 'behind' },
	behind: { not: 'on_track', cannot: null },
	not_started: { not: 'on_track', cannot: 'not_started' },
	unknown: { not: null, cannot: null },
	progress: { not: null, cannot: 'behind' }
};

/**
 * How far a negation reaches: at most this many characters between it and its phrase, and none
 * of NEGATION_BREAK (资金未到位导致进度滞后 is behind). Real negations sit close (没有任何项目落后,
 * 不属于滞后项目); a word far back in a long clause (打击非法集资…稳步推进) negates nothing.
 */
export const NEGATION_REACH = 12;

export const NEGATION_BREAK = '导致|造成|致使|使得|影响|以致|从而|但|仍|目前|因此|所以';

/** A clause of intent: a positive phrase after these states a plan, not a result (力争年底前完成). */
export const INTENT =
	'力争|争取|预计|确保|将于|将在|即将|拟(?!定|订|稿)|有望|准备|打算|力求|计划(?=于|在|到|今年|年底|年内|\\d|[一二三四]季度|[上下]半年)';

/** A part of the task (一期, 部分项目): its completion is progress, not the task's standing. */
export const PART = '[一二三四五首]期|部分|其中|个别|局部|子项目|第[一二三四五六七八九十\\d]+[个项期批]';

/** The narrative's plans for the next period: not progress so far. */
export const NEXT_STEPS =
	'下一?步(?:打算|工作|计划|思路|安排|举措)|下一?步[,:将要]|下一?阶段|[\\d一二三四五六七八九十]+月份?(?:工作)?(?:计划|打算|安排):';

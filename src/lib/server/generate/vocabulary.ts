/**
 * Words for synthetic reports, taken from the register of the real ones in data/reports
 * (实施5个以上数字化改造项目, 开展群文活动不少于30场次, 出让1宗以上宅地, 低于序时进度12.4个百分点 …).
 * Only the words are real: places, projects and figures are invented, and every place name is
 * composed from the syllables below, so that no synthetic organization is a real one.
 */

/** A quantity a task's content promises; `form` decides how it is written (and so its comparator). */
export interface TargetSpec {
	unit: string;
	min: number;
	max: number;
	/** 5个以上 (≥), 不少于30场次 (≥), 2座 (=), 控制在3起以内 (≤). */
	form: 'above' | 'atLeast' | 'exact' | 'within';
	/** Decimals of the value and of actuals (亿元 1, counts 0). */
	decimals?: number;
	/** Rates and ceilings (达到95%以上, 控制在…以内) are not counted up through the year: no actuals. */
	noActual?: boolean;
	/** How a narrative reports a rate or a ceiling: 矛盾纠纷化解率达{x}% (x near the target). */
	figure?: string;
}

/** One kind of task: what its name, content and progress texts say. */
export interface TaskTemplate {
	/** Name stems, each combined with a verb: 数字化改造 → 加快数字化改造. */
	topics: readonly string[];
	/** The content (主要内容); `{target}` is the target's words, `{stem}` the organization's name stem. */
	content: string;
	target?: TargetSpec;
	/** What the progress text counts: 实施数字化改造项目 → 累计实施数字化改造项目3个. */
	done: string;
	/** Measures (举措) a progress text describes, in the reports' words; none may hold a status phrase. */
	measures: readonly string[];
}

/** A group of tasks that a report makes one 任务类别. */
export interface Domain {
	key: string;
	/** 坚持引育并举 / 全力保稳促调 / 增强经济发展支撑力 → "坚持引育并举,全力保稳促调,增强经济发展支撑力". */
	ways: readonly string[];
	actions: readonly string[];
	goals: readonly string[];
	/** Short category names as other reports write them (项目名称 spanning rows). */
	short: readonly string[];
	/** Lead departments by level of government. */
	owners: Readonly<Record<'street' | 'district' | 'city' | 'province', readonly string[]>>;
	templates: readonly TaskTemplate[];
}

export const DOMAINS: readonly Domain[] = [
	{
		key: 'economy',
		ways: ['坚持引育并举', '坚持创新驱动', '坚持稳中求进'],
		actions: ['全力保稳促调', '聚力招大引强', '全力稳进提质'],
		goals: ['增强经济发展支撑力', '夯实高质量发展根基', '激发经济增长新动能'],
		short: ['推动经济高质量发展', '支持民营企业健康发展', '加快构建现代产业体系'],
		owners: {
			street: ['经济发展办', '招商服务中心', '企业服务中心'],
			district: ['发改局', '经信局', '商务局', '投资促进局'],
			city: ['发改委', '经信局', '商务局', '投资促进中心'],
			province: ['省发展改革委', '省经信厅', '省商务厅']
		},
		templates: [
			{
				topics: ['数字升级', '数字化改造', '智能制造'],
				content: '全力做好智能制造、数字化改造项目服务工作,实施{target}数字化改造项目。',
				target: { unit: '个', min: 3, max: 12, form: 'above' },
				done: '实施数字化改造项目',
				measures: [
					'围绕企业技改项目、新升规企业和订单充裕企业全力开展存量挖潜',
					'组织企业参加智能制造诊断服务',
					'建立数字化改造项目清单,实行挂图作战',
					'联合服务商上门开展“一企一策”诊断'
				]
			},
			{
				topics: ['项目招引', '项目渠道', '招大引强'],
				content: '重点围绕智能制造、生物医药等新兴产业加力招商引资,引进亿元以上产业项目不少于{n}个。',
				target: { unit: '个', min: 2, max: 8, form: 'atLeast' },
				done: '引进亿元以上产业项目',
				measures: [
					'将新进项目导入存量空间',
					'赴长三角地区开展专题招商活动',
					'梳理在谈项目清单,落实专人跟踪对接',
					'完成新能源汽车广场项目签约'
				]
			},
			{
				topics: ['企业上云', '中小企业数字化'],
				content: '推动中小企业数字化转型,新增企业上云{target}。',
				target: { unit: '家', min: 20, max: 120, form: 'above' },
				done: '新增上云企业',
				measures: ['召开企业上云政策宣讲会', '联合通信运营商开展上门服务', '对上云企业兑现补助资金']
			},
			{
				topics: ['高质运行', '用地盘活', '低效用地再开发'],
				content: '协同推进低效用地再开发、盘活村级留用地和村级发展用地,盘活存量工业用地{target}。',
				target: { unit: '亩', min: 50, max: 400, form: 'above' },
				done: '盘活存量工业用地',
				measures: [
					'制定低效工业用地再开发方案',
					'着力加强向上对接,完成单元规划修编',
					'针对规划限制等重点问题逐一研究破解'
				]
			},
			{
				topics: ['财力支撑', '土地出让'],
				content: '主动造血、以财生财,计划出让{target}宅地,强化财力支撑,用于工业地产开发和基础设施投入。',
				target: { unit: '宗', min: 1, max: 4, form: 'above' },
				done: '完成宅地出让',
				measures: ['完成地块前期调查和规划条件论证', '做好出让地块征迁扫尾工作', '与资规部门对接出让计划']
			},
			{
				topics: ['小升规', '规上企业培育'],
				content: '实施“小升规”培育工程,新增规上工业企业{target}。',
				target: { unit: '家', min: 3, max: 15, form: 'above' },
				done: '新增规上工业企业',
				measures: ['建立小升规企业培育库,实行动态管理', '落实专人进行跟踪指导', '兑现小升规奖励政策']
			},
			{
				topics: ['企业服务', '驻企服务'],
				content: '充分发挥驻企服务专员作用,精准掌握企业需求,精细提供政务服务,精心推动问题解决。',
				done: '帮助企业解决问题',
				measures: ['建立驻企服务专员工作推进机制', '搭建企业网络沟通服务平台', '走访重点企业收集诉求', '召开政企恳谈会']
			},
			{
				topics: ['总部经济', '龙头企业培育'],
				content: '发挥龙头企业引领带动作用,支持大企业做大做强在{stem}总部,力争新增总部企业{target}。',
				target: { unit: '家', min: 1, max: 4, form: 'exact' },
				done: '新增总部企业',
				measures: ['与重点企业签订“一企一策”培育方案', '持续加大本土总部企业协调力度', '争取更多高附加值制造资源回归']
			},
			{
				topics: ['上市培育', '凤凰行动'],
				content: '全面落实“凤凰行动”计划,完善上市企业培育工作机制,力争上市挂牌{target}。',
				target: { unit: '家', min: 1, max: 3, form: 'exact' },
				done: '上市挂牌企业',
				measures: ['出台上市后备企业认定管理办法', '集中认定上市后备企业', '组织拟上市企业参加资本市场培训']
			},
			{
				topics: ['减税降费', '惠企政策兑现'],
				content: '制定实施新一轮惠企扶持政策,扎实推进减税降费工作,兑现惠企资金{target}。',
				target: { unit: '万元', min: 500, max: 5000, form: 'above' },
				done: '兑现惠企扶持资金',
				measures: ['用好惠企政策直达平台', '缩短政策兑现时限', '对兑现情况开展“回头看”']
			},
			{
				topics: ['楼宇经济', '商贸消费'],
				content: '加快商业综合体招商,导入大型综合体和新社零项目,新增限上商贸企业{target}。',
				target: { unit: '家', min: 3, max: 12, form: 'above' },
				done: '新增限上商贸企业',
				measures: ['举办消费促进活动', '推进商业楼宇招商和业态调整', '培育夜间经济集聚区']
			},
			{
				topics: ['科技创新', '高新技术企业培育'],
				content: '深化产学研用合作,新认定国家高新技术企业{target}。',
				target: { unit: '家', min: 3, max: 15, form: 'atLeast' },
				done: '新认定高新技术企业',
				measures: ['开展高企申报辅导', '对接高校院所开展技术合作', '建设产学研一体化平台']
			}
		]
	},
	{
		key: 'urban',
		ways: ['坚持环境提质', '坚持城乡统筹', '坚持精建细管'],
		actions: ['聚焦美丽创建', '推进有机更新', '深化全域整治'],
		goals: ['增强区域发展新魅力', '打造宜居宜业新家园', '提升城市品质'],
		short: ['提升城市功能品质', '推进城市有机更新', '打造美丽宜居环境'],
		owners: {
			street: ['城市管理办', '规划建设办', '综合行政执法队'],
			district: ['住建局', '城管局', '建设局'],
			city: ['住建局', '城管局', '自然资源和规划局'],
			province: ['省住房城乡建设厅', '省自然资源厅']
		},
		templates: [
			{
				topics: ['街域风貌', '风貌提升'],
				content: '系统实施城市地下空间改造提升项目,完成主要道路沿线立面整治{target}。',
				target: { unit: '公里', min: 2, max: 12, form: 'exact' },
				done: '完成沿线立面整治',
				measures: ['积极谋划特色产业风貌区', '完成沿线道路、景观、立面提升', '提升新旧产业风貌']
			},
			{
				topics: ['城市管理', '长效管理'],
				content: '完善集镇长效管理机制,加强对“乱占道、乱设摊、乱停车、乱堆物、乱拉线”等乱象治理。',
				done: '整治各类乱象',
				measures: [
					'以“全域美丽”为目标联动村社开展清理整治',
					'着力对占道经营、广告牌、环境卫生进行深入整治',
					'扎实保障雨污水管网、道路等市政设施日常应急抢修'
				]
			},
			{
				topics: ['老旧小区改造', '小区焕新'],
				content: '加快完成老旧小区改造{target},同步推进加装电梯和停车位建设。',
				target: { unit: '个', min: 2, max: 8, form: 'above' },
				done: '完成老旧小区改造',
				measures: [
					'改造工作全面开展,涉及新建停车位、道路拓宽、加装电梯等多方面',
					'召开居民意见征询会',
					'完成改造方案设计和招投标'
				]
			},
			{
				topics: ['加装电梯'],
				content: '推进既有住宅加装电梯,完成加装电梯{target}。',
				target: { unit: '台', min: 10, max: 60, form: 'atLeast' },
				done: '完成加装电梯',
				measures: ['简化加装电梯审批流程', '开展加装电梯政策宣传', '落实加装电梯财政补助']
			},
			{
				topics: ['污水零直排', '治水攻坚'],
				content: '深化“污水零直排区”建设,推进治水提标,建成污水零直排小区{target}。',
				target: { unit: '个', min: 3, max: 15, form: 'above' },
				done: '建成污水零直排小区',
				measures: ['完成雨污分流管网排查', '落实河长巡河制度', '开展入河排污口整治']
			},
			{
				topics: ['垃圾分类', '生活垃圾治理'],
				content: '深入推进生活垃圾分类,创建高标准分类示范小区{target}。',
				target: { unit: '个', min: 2, max: 10, form: 'exact' },
				done: '创建高标准分类示范小区',
				measures: ['开展垃圾分类入户宣传', '更新分类投放点', '建立分类督导员队伍']
			},
			{
				topics: ['河道整治', '美丽河湖'],
				content: '实施河道综合整治,完成河道清淤和生态护岸建设{target}。',
				target: { unit: '公里', min: 2, max: 15, form: 'above', decimals: 1 },
				done: '完成河道综合整治',
				measures: ['开展“黄金水道”建设', '落实河道保洁长效机制', '完成沿河截污纳管']
			},
			{
				topics: ['绿道建设', '口袋公园'],
				content: '新建改造绿道{target},建设口袋公园,打造“十里风光带”。',
				target: { unit: '公里', min: 3, max: 20, form: 'atLeast', decimals: 1 },
				done: '新建改造绿道',
				measures: ['完成绿道线路规划', '推进沿线景观节点建设', '开展绿化补植']
			},
			{
				topics: ['违建治理', '拆违控违'],
				content: '保持拆违控违高压态势,助推城市更新,拆除违法建筑{target}。',
				target: { unit: '万平方米', min: 1, max: 8, form: 'above', decimals: 1 },
				done: '拆除违法建筑',
				measures: ['开展违建存量排查', '实行新增违建“零容忍”', '对拆后土地及时利用']
			},
			{
				topics: ['大气治理', '空气质量提升'],
				content: '打好蓝天保卫战,加强大气污染防治,PM2.5平均浓度控制在{n}微克/立方米以内。',
				target: {
					unit: '微克/立方米',
					min: 25,
					max: 35,
					form: 'within',
					noActual: true,
					figure: 'PM2.5平均浓度为{x}微克/立方米'
				},
				done: '开展扬尘治理',
				measures: ['加强工地扬尘管控', '开展餐饮油烟整治', '推进重点行业挥发性有机物治理']
			},
			{
				topics: ['停车治理', '停车泊位建设'],
				content: '缓解停车难问题,新增公共停车位{target}。',
				target: { unit: '个', min: 100, max: 800, form: 'above' },
				done: '新增公共停车位',
				measures: ['利用边角地建设临时停车场', '推进机关单位停车位错时共享', '完成智慧停车系统接入']
			},
			{
				topics: ['地下管网', '市政设施'],
				content: '实施雨污水管网改造提升,完成管网改造{target}。',
				target: { unit: '公里', min: 2, max: 10, form: 'exact', decimals: 1 },
				done: '完成管网改造',
				measures: ['完成管网检测评估', '推进破损管网修复', '落实汛前管网疏通']
			}
		]
	},
	{
		key: 'livelihood',
		ways: ['坚持以人为本', '坚持民生优先', '坚持共建共享'],
		actions: ['提升公共服务', '办好民生实事', '补齐民生短板'],
		goals: ['不断提高群众满意率', '持续增进民生福祉', '提升群众获得感'],
		short: ['扎实办好民生实事', '提升公共服务水平', '增进民生福祉'],
		owners: {
			street: ['社会事务办', '民生服务中心', '社区服务中心'],
			district: ['教育局', '卫健局', '民政局', '人力社保局'],
			city: ['教育局', '卫健委', '民政局', '人力社保局'],
			province: ['省教育厅', '省卫生健康委', '省民政厅']
		},
		templates: [
			{
				topics: ['美好教育', '义务教育扩容'],
				content: '加大义务教育承载能力,加快推进{stem}新建学校项目建设,新增学位{target}。',
				target: { unit: '个', min: 300, max: 1200, form: 'exact' },
				done: '新增学位',
				measures: ['提升义务教育最大承载力', '全面开工建设新建学校项目', '完成新建项目地块征迁']
			},
			{
				topics: ['学前教育', '幼儿园创建'],
				content: '优化提升学前教育“一园一品牌”项目,推进{target}幼儿园创建省一级幼儿园。',
				target: { unit: '所', min: 1, max: 3, form: 'exact' },
				done: '完成省一级幼儿园创建',
				measures: ['对照创建标准开展自评', '完善园所硬件设施', '组织教师参加专项培训']
			},
			{
				topics: ['城市书房', '全民阅读'],
				content: '新建城市书房{target},提升现有城市书房,打造“一起悦读”书香品牌。',
				target: { unit: '座', min: 1, max: 4, form: 'exact' },
				done: '建成城市书房',
				measures: ['完成书房选址和设计', '开展全民阅读推广活动', '引入社会力量参与运营']
			},
			{
				topics: ['文化文明活动', '群众文化'],
				content: '开设文化公益课,开展四季村晚、文艺赋美等群文活动不少于{n}场次,不断丰富公共文化服务供给。',
				target: { unit: '场次', min: 20, max: 80, form: 'atLeast' },
				done: '开展群文活动',
				measures: [
					'以文旅融合为抓手开展系列采风、研学活动',
					'举办音乐节、乒乓球邀请赛等群众文体活动',
					'组织文艺团队下村社巡演'
				]
			},
			{
				topics: ['全民健身', '体育赛事'],
				content: '完善全民健身设施,举办群众性体育赛事{target}。',
				target: { unit: '场', min: 5, max: 20, form: 'atLeast' },
				done: '举办群众性体育赛事',
				measures: ['新建百姓健身房', '举办越野赛、围棋赛等赛事', '开展健身设施巡检']
			},
			{
				topics: ['居家养老', '养老服务'],
				content: '完善居家养老服务体系,新建居家养老服务中心{target},推进老年食堂建设。',
				target: { unit: '家', min: 1, max: 4, form: 'exact' },
				done: '建成居家养老服务中心',
				measures: ['开展适老化改造', '引入专业养老服务机构', '完成老年食堂选址']
			},
			{
				topics: ['婴幼儿照护', '普惠托育'],
				content: '发展普惠托育服务,新增托位{target}。',
				target: { unit: '个', min: 40, max: 200, form: 'above' },
				done: '新增托位',
				measures: ['推进托育机构备案', '支持幼儿园开设托班', '开展托育从业人员培训']
			},
			{
				topics: ['基层医疗', '健康服务'],
				content: '推进社区卫生服务站标准化建设{target},做实家庭医生签约服务。',
				target: { unit: '个', min: 1, max: 5, form: 'exact' },
				done: '完成卫生服务站标准化建设',
				measures: ['开展家庭医生签约服务', '组织老年人免费体检', '推进医共体建设']
			},
			{
				topics: ['稳岗就业', '就业创业'],
				content: '落实稳岗就业政策,新增城镇就业{target}。',
				target: { unit: '人', min: 300, max: 2000, form: 'atLeast' },
				done: '新增城镇就业',
				measures: ['举办线上线下招聘会', '开展职业技能培训', '发放稳岗补贴']
			},
			{
				topics: ['民生优享', '公共交通'],
				content: '优化公共交通网络,在地铁站周边增设公共电动自行车点位{target},打通“最后一公里”。',
				target: { unit: '个', min: 5, max: 30, form: 'above' },
				done: '增设公共自行车点位',
				measures: ['链接集镇公交站、地铁站', '开展公交线路优化调整', '征集沿线村社意见']
			},
			{
				topics: ['困难帮扶', '社会救助'],
				content: '完善分层分类社会救助体系,困难群众救助保障实现应保尽保。',
				done: '落实困难群众救助',
				measures: ['开展困难群众排查', '发放临时救助金', '落实“一户一策”精准帮扶']
			},
			{
				topics: ['助残服务', '残疾人关爱'],
				content: '推进残疾人之家规范化建设,开展助残服务{target},兜牢民生底线。',
				target: { unit: '人次', min: 100, max: 600, form: 'above' },
				done: '开展助残服务',
				measures: ['开展残疾人康复服务', '落实残疾人两项补贴', '组织辅助性就业']
			}
		]
	},
	{
		key: 'governance',
		ways: ['坚持干群合力', '坚持党建引领', '坚持源头治理'],
		actions: ['优化基层治理', '深化平安建设', '推进共建共治'],
		goals: ['发挥共享共治源动力', '筑牢平安稳定底线', '提升基层治理效能'],
		short: ['推进基层社会治理', '建设更高水平平安', '统筹发展和安全'],
		owners: {
			street: ['平安办', '综治中心', '应急管理办'],
			district: ['政法委', '公安分局', '应急管理局', '信访局'],
			city: ['政法委', '公安局', '应急管理局', '信访局'],
			province: ['省委政法委', '省公安厅', '省应急管理厅']
		},
		templates: [
			{
				topics: ['系统治理体系', '矛盾纠纷化解'],
				content: '全面运行“大平安”系统集成机制,开展“三级四源”治理体系建设,矛盾纠纷化解率达到{n}%以上。',
				target: { unit: '%', min: 95, max: 98, form: 'above', noActual: true, figure: '矛盾纠纷化解率达{x}%' },
				done: '化解矛盾纠纷',
				measures: [
					'建立矛盾纠纷溯源化解工作台账',
					'利用数字化手段抓源头、治已病、找未病',
					'开展矛盾纠纷排查化解专项行动'
				]
			},
			{
				topics: ['靠前管理服务', '网格治理'],
				content: '全面落地网格实体化运作,推动社会综合治理站1.0版本向2.0升级,完善“综警网+”一体联动运行机制。',
				done: '优化网格设置',
				measures: [
					'积极推动警网融合,成立“一格一警”工作专班',
					'重新划分网格并配备专职网格员',
					'形成基层治理的“最小作战单元”'
				]
			},
			{
				topics: ['超前感知防治', '消防安全'],
				content: '加强消防风险前端感知,开展消防安全隐患排查整治,整改隐患{target}。',
				target: { unit: '处', min: 100, max: 600, form: 'above' },
				done: '整改消防安全隐患',
				measures: ['开发推广“消安数字哨兵”系统', '开展常态化平安巡查', '组织消防安全宣传进村社']
			},
			{
				topics: ['平安创建', '平安村社'],
				content: '稳步推进平安村社创建,创建平安示范村社{target}。',
				target: { unit: '个', min: 2, max: 10, form: 'exact' },
				done: '创建平安示范村社',
				measures: ['组织平安宣传和周二平安巡防日活动', '积极摸排重点人、事、部位、行业', '筑牢平安基础']
			},
			{
				topics: ['反诈宣传', '电信诈骗防范'],
				content: '深入开展反诈宣传,开展反诈宣传活动不少于{n}场次,守护群众“钱袋子”,提升平安建设水平。',
				target: { unit: '场次', min: 20, max: 100, form: 'atLeast' },
				done: '开展反诈宣传活动',
				measures: ['推动反诈宣传进企业、进校园', '落实预警劝阻闭环处置', '组建反诈志愿者队伍']
			},
			{
				topics: ['安全生产', '隐患排查'],
				content: '压实安全生产责任,开展安全生产专项检查,检查企业{target}。',
				target: { unit: '家', min: 100, max: 800, form: 'above' },
				done: '检查企业',
				measures: ['开展危化品、燃气等重点领域专项整治', '落实企业主体责任', '组织应急演练']
			},
			{
				topics: ['信访工作', '信访积案化解'],
				content: '深化信访工作法治化,化解信访积案{target}。',
				target: { unit: '件', min: 5, max: 30, form: 'exact' },
				done: '化解信访积案',
				measures: ['落实领导干部接访下访', '开展信访积案“清仓见底”行动', '推进诉源治理']
			},
			{
				topics: ['出租房管理', '流动人口服务'],
				content: '指导社会综合治理站做好租客精准“画像”,提升出租房和外来人口管理水平。',
				done: '开展出租房排查',
				measures: ['开展出租房安全隐患排查', '落实“以房管人”机制', '推进流动人口信息采集']
			},
			{
				topics: ['社区治理', '村社共治'],
				content: '深化党建引领社区治理,打造“红色物业”示范小区{target}。',
				target: { unit: '个', min: 2, max: 8, form: 'exact' },
				done: '打造红色物业示范小区',
				measures: ['推动物业企业成立党组织', '建立议事协商机制', '组织党员志愿者参与治理']
			},
			{
				topics: ['防汛防台', '应急处置'],
				content: '完善防汛防台应急预案,开展应急演练不少于{n}次。',
				target: { unit: '次', min: 4, max: 20, form: 'atLeast' },
				done: '开展应急演练',
				measures: ['完成防汛物资储备', '开展汛前隐患排查', '落实24小时值班值守']
			},
			{
				topics: ['食品安全', '市场监管'],
				content: '守牢食品安全底线,防范食品安全风险,开展食品安全抽检{target}。',
				target: { unit: '批', min: 100, max: 800, form: 'above' },
				done: '完成食品安全抽检',
				measures: ['开展校园周边食品安全整治', '推进“阳光厨房”建设', '组织农贸市场快检']
			},
			{
				topics: ['道路交通安全', '交通秩序整治'],
				content: '开展道路交通安全综合整治,道路交通事故死亡人数控制在{n}人以内。',
				target: { unit: '人', min: 2, max: 10, form: 'within', noActual: true, figure: '道路交通事故死亡{x}人' },
				done: '开展交通秩序整治',
				measures: ['开展电动自行车违法整治', '完善交通安全设施', '开展交通安全宣传']
			}
		]
	},
	{
		key: 'rural',
		ways: ['坚持农业农村优先发展', '坚持强村富民', '坚持城乡融合'],
		actions: ['深化乡村振兴', '推进共同富裕', '做强特色产业'],
		goals: ['绘就共同富裕新图景', '建设宜居宜业和美乡村', '促进农民持续增收'],
		short: ['全面推进乡村振兴', '促进农民农村共同富裕', '建设和美乡村'],
		owners: {
			street: ['农业农村办', '乡村振兴办'],
			district: ['农业农村局', '乡村振兴局'],
			city: ['农业农村局', '乡村振兴局'],
			province: ['省农业农村厅']
		},
		templates: [
			{
				topics: ['高标准农田', '粮食生产'],
				content: '落实粮食安全责任,建设高标准农田{target},夯实农业发展基础。',
				target: { unit: '亩', min: 300, max: 3000, form: 'above' },
				done: '建设高标准农田',
				measures: ['完成项目立项和施工招标', '推进土地平整和灌溉设施建设', '落实粮食生产功能区管护']
			},
			{
				topics: ['强村富民', '村级集体经济'],
				content: '实施强村富民集成改革,消除集体经济薄弱村{target}。',
				target: { unit: '个', min: 1, max: 6, form: 'exact' },
				done: '消除集体经济薄弱村',
				measures: ['推进村级物业项目建设', '开展强村公司运营', '落实结对帮扶']
			},
			{
				topics: ['美丽乡村', '和美乡村'],
				content: '创建美丽乡村精品村{target},推进村庄环境整治。',
				target: { unit: '个', min: 1, max: 5, form: 'exact' },
				done: '创建美丽乡村精品村',
				measures: ['开展村庄清洁行动', '推进农村公厕改造', '完成村庄规划编制']
			},
			{
				topics: ['共富工坊', '农民增收'],
				content: '新建“共富工坊”{target},带动农民就近就业增收。',
				target: { unit: '家', min: 2, max: 10, form: 'above' },
				done: '建成共富工坊',
				measures: ['对接企业下沉来料加工', '开展农村实用技能培训', '拓宽农产品销售渠道']
			},
			{
				topics: ['农房改造', '危旧房治理'],
				content: '完成农村困难群众危旧房改造{target},确保住房安全。',
				target: { unit: '户', min: 5, max: 40, form: 'exact' },
				done: '完成危旧房改造',
				measures: ['开展农房安全隐患排查', '落实改造补助资金', '组织改造质量验收']
			},
			{
				topics: ['农文旅融合', '乡村旅游'],
				content: '推进农文旅融合发展,培育乡村旅游精品线路{target}。',
				target: { unit: '条', min: 1, max: 4, form: 'exact' },
				done: '培育乡村旅游精品线路',
				measures: ['举办农事节庆活动', '提升民宿集聚区品质', '开展乡村旅游推介']
			},
			{
				topics: ['农村饮用水', '供水保障'],
				content: '实施农村供水提质工程,改造供水管网{target},保障农村民生用水。',
				target: { unit: '公里', min: 3, max: 20, form: 'above', decimals: 1 },
				done: '改造供水管网',
				measures: ['完成水质检测', '推进单村水站提标改造', '落实供水管网巡查']
			},
			{
				topics: ['土地综合整治', '耕地保护'],
				content: '严守耕地保护红线,完成全域土地综合整治项目{target},优化农村生态和用地布局。',
				target: { unit: '个', min: 1, max: 3, form: 'exact' },
				done: '完成土地综合整治项目',
				measures: ['开展耕地“非农化”排查', '推进垦造耕地项目', '落实田长制']
			},
			{
				topics: ['农业特色产业', '特色农业'],
				content: '做强特色农业产业,新培育家庭农场和农民专业合作社{target}。',
				target: { unit: '家', min: 3, max: 12, form: 'atLeast' },
				done: '新培育家庭农场和合作社',
				measures: ['开展新型农业经营主体培训', '推广“企业+合作社+农户”模式', '落实农业政策性保险']
			},
			{
				topics: ['农村电商', '数字乡村'],
				content: '推进数字乡村建设,建成农村电商服务站{target}。',
				target: { unit: '个', min: 2, max: 10, form: 'exact' },
				done: '建成农村电商服务站',
				measures: ['开展直播带货培训', '完善农村物流网点', '推进村级数字化平台应用']
			},
			{
				topics: ['农村人居环境', '厕所革命'],
				content: '持续改善农村人居环境,完成农村公厕提升改造{target},提升环境卫生水平。',
				target: { unit: '座', min: 3, max: 15, form: 'exact' },
				done: '完成农村公厕提升改造',
				measures: ['开展垃圾、污水、厕所“三大革命”', '建立公厕保洁长效机制', '组织人居环境评比']
			},
			{
				topics: ['山塘水库', '水利设施'],
				content: '实施山塘水库除险加固{target},提升防汛防洪能力。',
				target: { unit: '座', min: 1, max: 6, form: 'exact' },
				done: '完成山塘水库除险加固',
				measures: ['完成安全鉴定', '开展汛前检查', '推进配套设施建设']
			}
		]
	},
	{
		key: 'reform',
		ways: ['坚持改革攻坚', '坚持数字赋能', '坚持效能为先'],
		actions: ['优化营商环境', '深化数字化改革', '建设整体智治政府'],
		goals: ['激发改革创新新活力', '提升政府治理效能', '打造一流营商环境'],
		short: ['深化重点领域改革', '建设人民满意政府', '持续优化营商环境'],
		owners: {
			street: ['党政办', '便民服务中心', '数字化改革办'],
			district: ['数据资源局', '行政服务中心', '司法局'],
			city: ['大数据发展管理局', '政务服务办', '司法局'],
			province: ['省大数据局', '省政务服务办', '省司法厅']
		},
		templates: [
			{
				topics: ['一网通办', '政务服务提质'],
				content: '深化“最多跑一次”改革,政务服务事项网上可办率达到{n}%以上。',
				target: { unit: '%', min: 95, max: 99, form: 'above', noActual: true, figure: '政务服务事项网上可办率达{x}%' },
				done: '推进政务服务事项网上办理',
				measures: ['优化“一件事”集成办理流程', '推进便民服务中心窗口整合', '开展政务服务“好差评”']
			},
			{
				topics: ['数字治理平台', '应用场景建设'],
				content: '迭代升级基层治理数字化平台,上线数字化应用场景{target}。',
				target: { unit: '个', min: 2, max: 6, form: 'exact' },
				done: '上线数字化应用场景',
				measures: ['梳理数字化改革需求清单', '推进数据归集共享', '开展场景应用培训']
			},
			{
				topics: ['专项债争取', '要素保障'],
				content: '积极争取上级政策和资金支持,争取地方政府专项债券资金{target},保障重点项目建设。',
				target: { unit: '亿元', min: 1, max: 12, form: 'above', decimals: 1 },
				done: '争取专项债券资金',
				measures: ['谋划储备专项债项目', '加强与上级部门对接', '完善项目前期要件']
			},
			{
				topics: ['法治政府', '依法行政'],
				content: '推进法治政府建设,打造法治化营商环境,开展行政执法案卷评查和合法性审查。',
				done: '完成合法性审查',
				measures: ['落实重大行政决策程序', '开展行政执法人员培训', '推进“大综合一体化”行政执法改革']
			},
			{
				topics: ['政务公开', '作风建设'],
				content: '加强政务公开和政府自身建设,优化政务服务,按时办结人大代表建议和政协委员提案。',
				done: '办结代表建议和委员提案',
				measures: ['建立建议提案办理台账', '开展政务公开专项检查', '落实过紧日子要求']
			},
			{
				topics: ['信用体系', '社会信用'],
				content: '完善社会信用体系建设,优化营商环境,开展信用修复和守信激励。',
				done: '开展信用修复',
				measures: ['推进信用信息归集', '开展诚信主题宣传', '落实失信联合惩戒']
			},
			{
				topics: ['国资国企改革', '平台公司转型'],
				content: '推进国有企业改革,完成平台公司市场化转型{target}。',
				target: { unit: '家', min: 1, max: 3, form: 'exact' },
				done: '完成平台公司市场化转型',
				measures: ['清理整合低效资产', '完善法人治理结构', '开展经营业绩考核']
			},
			{
				topics: ['审批提速', '项目审批改革'],
				content: '深化投资项目审批制度改革,一般企业投资项目审批时间压缩至{n}天以内。',
				target: {
					unit: '天',
					min: 20,
					max: 40,
					form: 'within',
					noActual: true,
					figure: '一般企业投资项目审批时间压缩至{x}天'
				},
				done: '推进项目审批提速',
				measures: ['推行“拿地即开工”', '开展联合验收', '推进区域评估成果应用']
			},
			{
				topics: ['公共数据开放', '数据要素'],
				content: '推进公共数据开放共享,深化数字政府建设,新增开放数据集{target}。',
				target: { unit: '个', min: 10, max: 60, form: 'atLeast' },
				done: '新增开放数据集',
				measures: ['完善数据目录', '开展数据质量治理', '举办数据开放创新应用大赛']
			},
			{
				topics: ['统计监测', '经济运行监测'],
				content: '加强经济运行监测分析,按月开展重点指标调度。',
				done: '开展重点指标调度',
				measures: ['建立重点企业监测库', '召开经济运行分析会', '开展统计数据质量核查']
			},
			{
				topics: ['基层减负', '督查考核'],
				content: '深化为基层减负,规范督查检查考核事项,提升基层治理效能。',
				done: '精简督查检查考核事项',
				measures: ['清理规范村社牌子和台账', '推进“多表合一”', '开展基层减负专项督查']
			},
			{
				topics: ['预算绩效', '财政管理'],
				content: '深化预算绩效管理改革,完成重点项目绩效评价{target}。',
				target: { unit: '个', min: 5, max: 20, form: 'exact' },
				done: '完成重点项目绩效评价',
				measures: ['压减一般性支出', '推进预算管理一体化', '开展财政资金专项检查']
			}
		]
	},
	{
		key: 'projects',
		ways: ['坚持项目为王', '坚持扩大有效投资', '坚持重点突破'],
		actions: ['狠抓项目建设', '全力攻坚重大项目', '加快基础设施建设'],
		goals: ['增强发展后劲', '夯实发展基础', '拓展发展空间'],
		short: ['扩大有效投资', '推进重大项目建设', '完善基础设施网络'],
		owners: {
			street: ['规划建设办', '项目推进办', '征迁办'],
			district: ['发改局', '交通运输局', '重点项目办'],
			city: ['发改委', '交通运输局', '重点建设办'],
			province: ['省发展改革委', '省交通运输厅']
		},
		templates: [
			{
				topics: ['重点项目建设', '有效投资'],
				content: '扎实推动省市县长工程重点项目建设,完成年度投资{target}。',
				target: { unit: '亿元', min: 2, max: 30, form: 'above', decimals: 1 },
				done: '完成投资',
				measures: ['实行项目建设“周例会、月通报”', '协调解决项目用地、用能问题', '推进项目统计入库']
			},
			{
				topics: ['项目开工', '新开工项目'],
				content: '加快重点项目前期工作,新开工重大项目{target}。',
				target: { unit: '个', min: 3, max: 15, form: 'atLeast' },
				done: '新开工重大项目',
				measures: ['落实项目前期“一项目一专班”', '完成施工图审查和施工许可', '开展集中开工活动']
			},
			{
				topics: ['征迁攻坚', '项目地块征迁'],
				content: '全力攻坚重点项目征迁,完成征迁{target}。',
				target: { unit: '户', min: 20, max: 200, form: 'above' },
				done: '完成征迁',
				measures: ['成立征迁工作专班', '落实安置房源', '开展政策宣传和入户做工作']
			},
			{
				topics: ['道路建设', '路网完善'],
				content: '加快完善路网,完成道路新建改造{target}。',
				target: { unit: '公里', min: 2, max: 20, form: 'above', decimals: 1 },
				done: '完成道路新建改造',
				measures: ['推进断头路打通', '开展道路白改黑', '完成道路附属设施建设']
			},
			{
				topics: ['安置房建设', '保障性住房'],
				content: '推进安置房和保障性租赁住房建设,建成交付{target}。',
				target: { unit: '套', min: 100, max: 1000, form: 'exact' },
				done: '建成交付安置房',
				measures: ['推进主体结构施工', '开展竣工验收', '组织选房分房']
			},
			{
				topics: ['产业园区建设', '标准厂房'],
				content: '加快产业园区基础设施建设,建成标准厂房{target}。',
				target: { unit: '万平方米', min: 2, max: 20, form: 'above', decimals: 1 },
				done: '建成标准厂房',
				measures: ['完成园区规划编制', '推进园区道路和管网配套', '开展厂房招商']
			},
			{
				topics: ['轨道交通配套', '综合交通'],
				content: '配合推进轨道交通建设,完成站点周边配套工程{target}。',
				target: { unit: '个', min: 1, max: 5, form: 'exact' },
				done: '完成站点配套工程',
				measures: ['开展管线迁改', '完成交通疏解', '推进接驳设施建设']
			},
			{
				topics: ['城中村改造', '片区开发'],
				content: '推进城中村改造和片区综合开发,完成签约{target}。',
				target: { unit: '户', min: 50, max: 500, form: 'above' },
				done: '完成城中村改造签约',
				measures: ['完成片区规划方案', '开展入户调查评估', '落实改造资金']
			},
			{
				topics: ['新型基础设施', '5G基站建设'],
				content: '加快新型基础设施建设,新建5G基站{target}。',
				target: { unit: '个', min: 30, max: 300, form: 'above' },
				done: '新建5G基站',
				measures: ['协调站址资源', '推进公共建筑开放站址', '完成基站配套电力改造']
			},
			{
				topics: ['水利工程', '防洪排涝'],
				content: '实施防洪排涝能力提升工程,提升防汛应急能力,新建排涝泵站{target}。',
				target: { unit: '座', min: 1, max: 6, form: 'exact' },
				done: '新建排涝泵站',
				measures: ['完成工程可研批复', '推进泵站主体施工', '开展汛期安全度汛检查']
			},
			{
				topics: ['社会事业项目', '公共服务设施'],
				content: '推进文体中心、邻里中心等公共服务设施建设,建成投用{target}。',
				target: { unit: '个', min: 1, max: 5, form: 'exact' },
				done: '建成投用公共服务设施',
				measures: ['推进装修和设备安装', '完成消防验收', '制定运营方案']
			},
			{
				topics: ['能源保供', '清洁能源'],
				content: '推进光伏等清洁能源项目建设,助力节能减排,新增光伏装机{target}。',
				target: { unit: '兆瓦', min: 5, max: 50, form: 'above', decimals: 1 },
				done: '新增光伏装机',
				measures: ['推进屋顶分布式光伏建设', '落实电网接入', '开展节能诊断']
			}
		]
	}
];

/** Which domains a plan at each level draws its categories from (streets have no rural tasks; towns do). */
export const LEVEL_DOMAINS: Readonly<
	Record<'province' | 'city' | 'district' | 'county' | 'street' | 'town', readonly string[]>
> = {
	province: ['economy', 'urban', 'livelihood', 'governance', 'rural', 'reform', 'projects'],
	city: ['economy', 'urban', 'livelihood', 'governance', 'rural', 'reform', 'projects'],
	district: ['economy', 'urban', 'livelihood', 'governance', 'reform', 'projects'],
	county: ['economy', 'urban', 'livelihood', 'governance', 'rural', 'reform', 'projects'],
	street: ['economy', 'urban', 'livelihood', 'governance', 'reform', 'projects'],
	town: ['economy', 'urban', 'livelihood', 'governance', 'rural', 'projects']
};

/** Verbs that open a task name: 坚定数字升级, 拓展项目渠道, 全面打造美好教育. */
export const NAME_VERBS = [
	'坚定',
	'拓展',
	'实现',
	'加快',
	'深化',
	'扎实推进',
	'做好',
	'持续推进',
	'着力',
	'强化',
	'优化',
	'全面推进',
	'抓好',
	'推动',
	'聚力'
];
/** Manner phrases some reports put before the verb: 用心用情提升街域风貌, 敢想敢做抓好城市管理. */
export const NAME_MANNERS = ['用心用情', '敢想敢做', '聚能聚力', '真抓实干', '攻坚克难', '精准发力', '多措并举'];

/** Why a task fell behind (受…影响). */
export const DELAY_REASONS = [
	'前期审批手续办理周期较长',
	'资金拨付进度',
	'连续降雨天气',
	'政策处理难度较大',
	'项目方案调整',
	'用地指标未落实',
	'施工单位进场延迟',
	'上级政策调整',
	'企业投资意愿下降',
	'征迁协调难度大'
];

/** What a behind task will do next (下步将…). */
export const NEXT_STEPS = [
	'加强统筹协调,倒排工期、挂图作战',
	'落实专人跟踪,加快推进前期手续办理',
	'增加施工人员,在确保质量和安全的前提下加快进度',
	'强化要素保障,力争年底前完成全年目标',
	'召开专题会议研究解决难点问题',
	'加大督查力度,确保按期完成'
];

/** A not-started task's situation; each ends in a not_started phrase and holds no other status word. */
export const NOT_STARTED_TEXTS = [
	'前期手续正在办理{comma}暂未开工',
	'实施方案尚在制定{comma}暂未启动',
	'受年度计划安排影响{comma}暂未开启',
	'资金尚未落实{comma}项目尚未启动'
];

/** Placeholders that real reports leave where the status text should be. */
export const PLACEHOLDER_TEXTS = ['', '/', '无', '—', '暂无'];

/**
 * Closing clauses of an update by status, in the words of DESIGN.md's status list. Each holds
 * exactly one phrase that the importer's inferStatus reads as that status, so a generated text
 * and its status agree. `{topic}` is the task's topic, `{gap}` the distance from 序时进度 in points.
 */
export const CLOSINGS = {
	/** For updates in words only. */
	narrative: {
		completed: ['{topic}工作已全面完成', '年度任务已完成', '各项建设内容全部完成'],
		completedEarly: ['已提前完成年度任务', '提前完成全年目标'],
		ahead: ['整体进展较快', '整体超序时进度', '工作进度高于序时进度'],
		on_track: ['各项工作稳步推进', '工作有序推进', '目前正常推进', '按序时推进', '总体进展顺利', '各项工作顺利推进'],
		behind: ['目前推进缓慢', '整体进度滞后', '工作进展缓慢', '进度偏慢'],
		behindYearEnd: ['年度任务未完成', '全年目标未完成']
	},
	/** For updates that state their figures (累计…, 完成率…%). */
	measured: {
		completed: ['全年目标已完成', '年度任务已完成'],
		completedEarly: ['提前完成全年目标'],
		exceeded: ['超额完成全年目标'],
		ahead: ['超序时进度{gap}个百分点', '高于序时进度{gap}个百分点'],
		on_track: ['达到序时进度', '符合序时进度', '与时间进度同步'],
		behind: ['低于序时进度{gap}个百分点', '未达到序时进度', '滞后序时进度{gap}个百分点'],
		behindYearEnd: ['未完成年度目标', '全年目标未完成']
	}
} as const;

/** Status words in a report's status column (目标完成情况), each mapped alike by the importer's mapReportedStatus. */
export const STATUS_WORDS = {
	completed: ['已完成', '提前完成'],
	ahead: ['超进度', '超序时进度'],
	on_track: ['达进度', '达到序时进度', '顺利推进'],
	behind: ['欠进度', '滞后', '未达到序时进度'],
	not_started: ['未启动']
} as const;

/**
 * Syllables for invented place names. Pairs of them (霁湄, 萱汀) read like Chinese place names
 * but are chosen from characters rarely used in real ones, so a generated organization is
 * plainly fictional.
 */
export const PLACE_SYLLABLES = [
	'澄',
	'岚',
	'沄',
	'栖',
	'梧',
	'泓',
	'禾',
	'漪',
	'杉',
	'雁',
	'汀',
	'蘅',
	'棠',
	'苇',
	'杞',
	'蓼',
	'荇',
	'芷',
	'筠',
	'濯',
	'渚',
	'沚',
	'鹭',
	'蒹',
	'葭',
	'楸',
	'柘',
	'榉',
	'槿',
	'萱',
	'菱',
	'苓',
	'莼',
	'荻',
	'篁',
	'珑',
	'琅',
	'瑶',
	'璟',
	'晗',
	'曦',
	'霁',
	'岫',
	'湄',
	'涟',
	'潆',
	'汐',
	'澈',
	'泠',
	'棹',
	'樾',
	'枳',
	'茗',
	'芊',
	'蔚',
	'翎',
	'砚',
	'琮',
	'璞',
	'珩'
];

/** Top-level names for invented provinces and cities. */
export const PROVINCE_NAMES = ['岚川省', '沄州省', '泓原省', '蘅江省', '澄岭省', '霁湄省'];
export const CITY_NAMES = [
	'澄川市',
	'岚溪市',
	'沄州市',
	'栖梧市',
	'泓源市',
	'禾岭市',
	'青漪市',
	'杉浦市',
	'雁汀市',
	'蘅阳市',
	'棠溪市',
	'苇原市',
	'杞川市',
	'蓼川市',
	'荇州市',
	'漪澜市',
	'萱城市',
	'珑湄市',
	'琅汐市',
	'璟川市',
	'霁州市',
	'岫原市',
	'砚溪市',
	'琮州市',
	'珩川市',
	'樾州市'
];

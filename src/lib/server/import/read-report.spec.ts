import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { readReport } from './read-report';
import { ImportError, type DraftTask, type ReportDraft } from './types';

const FIXTURES = ['xinjie-2024-q2.txt', 'xiaoshan-2020-h1.txt', 'shaoxing-2021-h1.txt', 'keqiao-2023-q1.txt'];
const report = (file: string) => readFileSync(`data/reports/${file}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const task = (draft: ReportDraft, name: string) => tasksOf(draft).find((t) => t.name === name) as DraftTask;
const truncationWarnings = (draft: ReportDraft) => draft.warnings.filter((w) => /截断/.test(w.message));

describe('readReport: the seed (xinjie 2024 Q2)', () => {
	const draft = readReport(report('xinjie-2024-q2.txt'));

	it('reads the metadata and period', () => {
		expect(draft.source).toEqual({
			title: '杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况',
			publisher: '新街街道',
			indexNo: 'H083/2024-79731',
			writtenOn: '2024-07-08',
			publishedOn: '2024-07-08',
			subject: '其他',
			url: null
		});
		expect(draft.period).toEqual({ year: 2024, quarter: 2, months: null, label: '第二季度' });
	});

	it('reads 4 categories and 12 tasks in report order', () => {
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['坚持引育并举,全力保稳促调,增强经济发展支撑力', ['坚定数字升级', '拓展项目渠道', '实现高质运行']],
			[
				'坚持环境提质,聚焦美丽创建,增强区域发展新魅力',
				['聚能聚力重塑关键板块', '用心用情提升街域风貌', '敢想敢做抓好城市管理']
			],
			['坚持以人为本,提升公共服务,不断提高群众满意率', ['全面打造美好教育', '丰富文化文明活动', '扎实推进民生优享']],
			['坚持干群合力,优化基层治理,发挥共享共治源动力', ['深化系统治理体系', '做好靠前管理服务', '做好超前感知防治']]
		]);
	});

	it('keeps each task whole: content, status text and its line', () => {
		expect(task(draft, '坚定数字升级')).toMatchObject({
			seqNo: null,
			content: '全力做好智能制造、数字化改造项目服务工作,实施5个以上数字化改造项目。',
			statusText:
				'围绕企业技改项目、新升规新入规工业企业和订单充裕企业,全力开展存量挖潜。紧盯建设竣工项目投产达产,协调存量资源,第一时间为招引落地企业项目提供充足的生产空间。聚焦华润雪花、杭萧钢构等龙头企业,持续加大本土总部企业协调力度,争取更多更优质的高附加值制造资源回归萧山。',
			owner: null,
			periodTarget: null,
			percent: null,
			line: 20
		});
		expect(tasksOf(draft).map((t) => t.line)).toEqual([20, 26, 32, 40, 46, 52, 60, 66, 72, 80, 86, 92]);
	});

	it('reads the targets in the content', () => {
		expect(
			Object.fromEntries(
				tasksOf(draft)
					.filter((t) => t.targets.length > 0)
					.map((t) => [t.name, t.targets])
			)
		).toEqual({
			坚定数字升级: [{ value: 5, unit: '个', comparator: '>=', text: '5个以上' }],
			实现高质运行: [{ value: 1, unit: '宗', comparator: '>=', text: '1宗以上' }],
			丰富文化文明活动: [
				{ value: 2, unit: '座', comparator: '=', text: '2座' },
				{ value: 30, unit: '场次', comparator: '>=', text: '不少于30场次' }
			]
		});
	});

	it('infers every status from the narrative, with the phrases that decided it', () => {
		expect(tasksOf(draft).map((t) => [t.name, t.status, t.statusSource, t.evidence])).toEqual([
			['坚定数字升级', 'unknown', 'inferred', []],
			['拓展项目渠道', 'on_track', 'inferred', ['完成洵美新能源汽车广场项目签约']],
			['实现高质运行', 'on_track', 'inferred', ['完成新街单元规划修编', '启动新街东工业园区规划编制']],
			['聚能聚力重塑关键板块', 'unknown', 'inferred', []],
			['用心用情提升街域风貌', 'on_track', 'inferred', ['已完成海塘路沿线道路、景观、立面提升']],
			['敢想敢做抓好城市管理', 'unknown', 'inferred', []],
			['全面打造美好教育', 'on_track', 'inferred', ['全面开工建设新街五小项目', '完成长山初中新建项目地块征迁']],
			['丰富文化文明活动', 'unknown', 'inferred', []],
			['扎实推进民生优享', 'on_track', 'inferred', ['全面开展']],
			['深化系统治理体系', 'unknown', 'inferred', []],
			['做好靠前管理服务', 'unknown', 'inferred', []],
			['做好超前感知防治', 'on_track', 'inferred', ['稳步推进']]
		]);
	});

	it('gives every task a real theme', () => {
		expect(tasksOf(draft).map((t) => [t.name, t.themes])).toEqual([
			['坚定数字升级', ['数字化', '产业发展']],
			['拓展项目渠道', ['招商引资', '产业发展']],
			['实现高质运行', ['产业发展', '城市建设']],
			['聚能聚力重塑关键板块', ['产业发展', '城市建设']],
			['用心用情提升街域风貌', ['城市建设', '生态环境']],
			['敢想敢做抓好城市管理', ['城市建设']],
			['全面打造美好教育', ['教育']],
			['丰富文化文明活动', ['文化']],
			['扎实推进民生优享', ['城市建设', '民生', '交通']],
			['深化系统治理体系', ['平安治理', '基层治理']],
			['做好靠前管理服务', ['平安治理', '基层治理']],
			['做好超前感知防治', ['数字化', '平安治理', '基层治理']]
		]);
	});

	it('flags the copied status text exactly once, and the targets it does not report on', () => {
		expect(draft.flags).toEqual([
			{
				kind: 'duplicate_text',
				tasks: ['坚定数字升级', '聚能聚力重塑关键板块'],
				detail: '以下任务的完成情况文字完全相同：坚定数字升级、聚能聚力重塑关键板块'
			},
			{
				kind: 'target_not_reported',
				tasks: ['坚定数字升级'],
				detail: '主要内容中的目标“5个以上”在完成情况中没有对应的数字'
			},
			{
				kind: 'target_not_reported',
				tasks: ['实现高质运行'],
				detail: '主要内容中的目标“1宗以上”在完成情况中没有对应的数字'
			},
			{
				kind: 'target_not_reported',
				tasks: ['丰富文化文明活动'],
				detail: '主要内容中的目标“2座”、“不少于30场次”在完成情况中没有对应的数字'
			}
		]);
	});

	it('has no warnings', () => {
		expect(draft.warnings).toEqual([]);
	});

	it('reads the same from CRLF text', () => {
		const crlf = readReport(utf8(report('xinjie-2024-q2.txt').toString('utf8').replace(/\n/g, '\r\n')));
		expect(crlf).toEqual(draft);
	});
});

describe('readReport: xiaoshan 2020 上半年 (项目名称 spanning rows, cut off)', () => {
	const draft = readReport(report('xiaoshan-2020-h1.txt'));

	it('groups the rows under their projects and names them by their content', () => {
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			[
				'支持民营企业健康发展',
				[
					'提升政策兑现时效',
					'制定实施新一轮惠企扶持政策',
					'充分发挥驻企服务专员作用',
					'全面落实“凤凰行动”计划',
					'落实全省“雄鹰行动”培育计划'
				]
			],
			['加快现代服务业发展', ['扎实推动省市县长“152”重点项目建设']]
		]);
		expect(task(draft, '提升政策兑现时效')).toMatchObject({
			content: '提升政策兑现时效,用好“亲清在线”数字平台,确保应对疫情各项扶持政策落实到位。',
			statusText: '已上线15条政策,其中14条开始兑现。累积兑现资金1.25亿元,惠及企业1344家及8464人次。',
			status: 'on_track',
			evidence: ['已上线15条政策'],
			line: 18
		});
	});

	it('reads the period, metadata and page address', () => {
		expect(draft.period).toEqual({ year: 2020, quarter: 2, months: null, label: '上半年' });
		expect(draft.source).toMatchObject({
			url: 'https://www.xiaoshan.gov.cn/art/2020/8/13/art_1229487622_3694348.html',
			indexNo: 'H001/2020-27544',
			publisher: '区政府办',
			writtenOn: '2020-08-13',
			publishedOn: '2020-08-13',
			subject: '政务综合类'
		});
	});

	it('drops the cut-off last row with one truncation warning naming its line', () => {
		expect(draft.warnings).toEqual([
			{
				line: 47,
				message:
					'文档在此行中断（截断），第45行起的任务不完整，未导入：“完成数字化改造项目300个,新增企业上云2800家,打造智能…”'
			}
		]);
	});
});

describe('readReport: shaoxing 2021 半年度 (序号 / 内容与要求 / 进展情况 / 责任单位, cut off)', () => {
	const draft = readReport(report('shaoxing-2021-h1.txt'));

	it('reads task 1 with its owner, 序号 and a name from its content', () => {
		expect(tasksOf(draft)).toHaveLength(1);
		expect(tasksOf(draft)[0]).toMatchObject({
			seqNo: '1',
			name: '确保地区生产总值增长7%以上',
			owner: '市发改委',
			status: 'on_track',
			statusSource: 'inferred',
			evidence: ['已开工16个'],
			percent: null,
			line: 21
		});
		expect(tasksOf(draft)[0].targets.map((t) => `${t.comparator}${t.value}${t.unit}`)).toEqual([
			'>=7%',
			'>=7%',
			'>=10%',
			'~8%',
			'=10%',
			'>=120%'
		]);
	});

	it('reads the period and metadata', () => {
		expect(draft.period).toEqual({ year: 2021, quarter: 2, months: null, label: '半年度' });
		expect(draft.source).toMatchObject({
			indexNo: '11330600002577014T/2022-227932',
			publisher: '市政府办公室(研究室、机关事务局',
			writtenOn: '2022-06-08',
			publishedOn: '2021-08-13',
			url: 'http://www.sx.gov.cn/art/2021/8/13/art_1229456882_59326680.html'
		});
	});

	it('drops the cut-off row 2 with one truncation warning', () => {
		expect(draft.warnings).toEqual([
			{
				line: 33,
				message:
					'文档在此行中断（截断），第29行起的任务不完整，未导入：“高质量完成“十四五”规划《纲要》编制并印发实施;制定实施20…”'
			}
		]);
	});
});

describe('readReport: keqiao 2023 一季度 (pipe-separated, status column, cut off)', () => {
	const draft = readReport(report('keqiao-2023-q1.txt'));

	it('reads tasks 1–3 with owner, period target and the reported status', () => {
		expect(
			tasksOf(draft).map((t) => [t.seqNo, t.name, t.owner, t.periodTarget, t.status, t.statusSource, t.evidence])
		).toEqual([
			['1', '新改扩建公办中小学校1所', '教体局', '室内安装、装修及场外施工', 'on_track', 'reported', ['顺利推进']],
			[
				'2',
				'完成“县中崛起”一对一结对帮扶学校2所',
				'教体局',
				'互派人员到位,集体备课,集中教研,专家入校指导',
				'on_track',
				'reported',
				['顺利推进']
			],
			[
				'3',
				'符合条件的义务教育段随迁子女在家长常住地100%保障入学',
				'教体局',
				'公布随迁子女入(转)学政策',
				'on_track',
				'reported',
				['顺利推进']
			]
		]);
	});

	it('keeps the continuation line with row 1 as part of its content', () => {
		const first = tasksOf(draft)[0];
		expect(first.content).toBe('新改扩建公办中小学校1所\n新增学位810个');
		expect(first.targets).toEqual([
			{ value: 1, unit: '所', comparator: '=', text: '1所' },
			{ value: 810, unit: '个', comparator: '=', text: '810个' }
		]);
		expect(first.percent).toBe(80);
	});

	it('reads the period from the title and drops the cut-off line with one truncation warning', () => {
		expect(draft.period).toEqual({ year: 2023, quarter: 1, months: null, label: '一季度' });
		expect(draft.source).toMatchObject({
			publisher: '区政府办(外事办)',
			publishedOn: '2023-11-16',
			url: 'https://www.kq.gov.cn/art/2023/11/16/art_1229760972_59195505.html'
		});
		expect(draft.warnings).toEqual([
			{ line: 12, message: '文档在此行中断（截断），该行不完整，未导入：“义务教育段随迁子女就”' }
		]);
	});
});

describe('readReport: every real report', () => {
	it.each(FIXTURES)('%s has exactly one truncation warning only when it is an excerpt', (file) => {
		expect(truncationWarnings(readReport(report(file)))).toHaveLength(file.startsWith('xinjie') ? 0 : 1);
	});
});

describe('readReport: refusals', () => {
	it.each([
		['empty input', new Uint8Array(), /the document is empty/],
		['only whitespace', utf8(' \n\r\n\t '), /the document is empty/],
		['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), /the document is empty/],
		['binary input', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /looks like a binary file, not report text/],
		[
			'a page without a task table',
			utf8('杭州市萧山区人民政府关于做好防汛工作的通知\n\n各镇街：请做好防汛工作。\n\n扫一扫在手机打开当前页'),
			/no task table found/
		]
	])('%s', (_, bytes, message) => {
		expect(() => readReport(bytes)).toThrow(ImportError);
		expect(() => readReport(bytes)).toThrow(message);
	});

	it('says where it looked when the year and period cannot be told', () => {
		const page = utf8('重点任务执行情况\n\n具体任务\n\n完成情况\n\n任务一\n\n已完成。');
		expect(() => readReport(page)).toThrow(
			"cannot tell the report's year and period (报告期): looked in the title (line 1: 重点任务执行情况), the column headers (line 3: 具体任务 / 完成情况), the dates 发布日期/成文日期 (none found)"
		);
		expect(() => readReport(page, { fileName: 'report.txt' })).toThrow(/and the file name \(report\.txt\)/);
	});

	it('falls back to the file name for year and period, and says so', () => {
		const draft = readReport(utf8('重点任务执行情况\n\n具体任务\n\n完成情况\n\n任务一\n\n已完成。'), {
			fileName: 'uploads/xinjie-2024-q3.txt'
		});
		expect(draft.period).toEqual({ year: 2024, quarter: 3, months: null, label: '三季度' });
		expect(draft.warnings).toEqual([
			{ line: null, message: '页面未写明年份，按文件名“uploads/xinjie-2024-q3.txt”取2024年' },
			{ line: null, message: '页面未写明报告期，按文件名“uploads/xinjie-2024-q3.txt”取三季度' }
		]);
	});

	it('warns about an undecodable status word and infers instead', () => {
		const page = utf8('2023年一季度进展情况\n序号 | 工作任务 | 进展情况 | 状态 |\n1 | 任务一 | 已全部完成。 | 待定 |');
		const draft = readReport(page);
		expect(tasksOf(draft)[0]).toMatchObject({ status: 'completed', statusSource: 'inferred', evidence: ['全部完成'] });
		expect(draft.warnings).toEqual([{ line: 3, message: '任务“任务一”的状态“待定”无法识别，已根据完成情况推断' }]);
	});

	it('warns where the text has undecodable bytes', () => {
		const seed = report('xinjie-2024-q2.txt');
		const at = seed.indexOf('实施5个以上');
		const damaged = new Uint8Array([...seed.subarray(0, at), 0xff, ...seed.subarray(at)]);
		expect(readReport(damaged).warnings).toEqual([
			{ line: 22, message: '文档中有1处无法识别的字符（编码损坏），已显示为“\uFFFD”，请核对' }
		]);
	});
});

/** mulberry32: a small seeded PRNG, so every failing case can be replayed. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** readReport either returns a well-formed draft or throws an ImportError of its own making. */
function expectDraftOrImportError(bytes: Uint8Array, label: string): void {
	let draft: ReportDraft;
	try {
		draft = readReport(bytes, { fileName: 'fuzz.txt' });
	} catch (error) {
		expect(error, label).toBeInstanceOf(ImportError);
		expect((error as Error).message, label).not.toMatch(/internal error/);
		return;
	}
	expect(Number.isInteger(draft.period.year), label).toBe(true);
	for (const t of tasksOf(draft)) {
		expect(t.name.length, label).toBeGreaterThan(0);
		expect(STATUSES, label).toContain(t.status);
		expect(t.themes.length, label).toBeGreaterThan(0);
	}
	for (const w of draft.warnings) expect(w.line === null || w.line >= 1, label).toBe(true);
	expect(JSON.parse(JSON.stringify(draft)), label).toEqual(draft);
}

const CASES = 200;
const SOURCES = FIXTURES.map(report);
const CHAR_POOL = [...'任务类别具体主要内容完成情况进展已未启动滞后序号|| 。，,；\n1234567890%个以上'];

describe('readReport: mutated real reports (seeded, 200 cases each)', () => {
	it('survives truncation at random byte offsets', () => {
		const random = prng(1);
		for (let n = 0; n < CASES; n++) {
			const source = SOURCES[n % SOURCES.length];
			const cut = Math.floor(random() * source.length);
			expectDraftOrImportError(source.subarray(0, cut), `${FIXTURES[n % SOURCES.length]} cut at ${cut}`);
		}
	});

	it('survives shuffled lines', () => {
		const random = prng(2);
		for (let n = 0; n < CASES; n++) {
			const lines = SOURCES[n % SOURCES.length].toString('utf8').split('\n');
			for (let i = lines.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1));
				[lines[i], lines[j]] = [lines[j], lines[i]];
			}
			expectDraftOrImportError(utf8(lines.join('\n')), `${FIXTURES[n % SOURCES.length]} shuffle #${n}`);
		}
	});

	it('survives garbage bytes injected anywhere', () => {
		const random = prng(3);
		for (let n = 0; n < CASES; n++) {
			const bytes = [...SOURCES[n % SOURCES.length]];
			const count = 1 + Math.floor(random() * 20);
			for (let k = 0; k < count; k++) bytes.splice(Math.floor(random() * bytes.length), 0, Math.floor(random() * 256));
			expectDraftOrImportError(new Uint8Array(bytes), `${FIXTURES[n % SOURCES.length]} garbage #${n}`);
		}
	});

	it('survives a 100k-character line anywhere', () => {
		const random = prng(4);
		for (let n = 0; n < CASES; n++) {
			const lines = SOURCES[n % SOURCES.length].toString('utf8').split('\n');
			const huge = Array.from({ length: 100_000 }, () => CHAR_POOL[Math.floor(random() * CHAR_POOL.length)])
				.join('')
				.replace(/\n/g, '');
			lines.splice(Math.floor(random() * (lines.length + 1)), 0, huge);
			expectDraftOrImportError(utf8(lines.join('\n')), `${FIXTURES[n % SOURCES.length]} huge line #${n}`);
		}
	});

	it('refuses empty and near-empty input with an ImportError', () => {
		for (const bytes of [
			new Uint8Array(),
			utf8('\n'),
			utf8('   '),
			new Uint8Array([0xef, 0xbb, 0xbf]),
			new Uint8Array([0xff, 0xfe])
		]) {
			expect(() => readReport(bytes)).toThrow(ImportError);
		}
	});
});

describe('readReport: a 20 MB document', () => {
	it('reads the seed table repeated to 20 MB within the test timeout', () => {
		const seed = report('xinjie-2024-q2.txt').toString('utf8').split('\n');
		const head = seed.slice(0, 17).join('\n');
		const table = seed.slice(17, 97).join('\n');
		const copies = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(table));
		const text = [head, ...Array.from({ length: copies }, () => table), '扫一扫在手机打开当前页'].join('\n');
		const draft = readReport(utf8(text));
		expect(tasksOf(draft)).toHaveLength(12 * copies);
		expect(draft.categories).toHaveLength(4 * copies);
		expect(draft.warnings).toEqual([]);
	});

	it('refuses 20 MB of text without a table with an ImportError', () => {
		const line = '围绕企业技改项目、新升规新入规工业企业和订单充裕企业,全力开展存量挖潜。\n';
		const text = line.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(line)));
		expect(() => readReport(utf8(text))).toThrow(/no task table found/);
	});
});

describe('readReport: a stated completion percent against 序时进度, outranked by an explicit comparison', () => {
	const page = (statusText: string) =>
		readReport(utf8(`2024年上半年进展情况\n序号 | 工作任务 | 进展情况 |\n1 | 建设城市书房5座 | ${statusText} |`));
	it.each([
		['已开工建设，完成全年目标的30%。', 'behind', '30%'],
		['完成全年目标的60%。', 'ahead', '60%'],
		['完成全年目标的50%。', 'on_track', '50%'],
		['进度滞后，完成全年目标的80%。', 'behind', '滞后'],
		['稳步推进。', 'on_track', '稳步推进'],
		['完成全年目标的40%，较序时快2个百分点。', 'ahead', '较序时快'],
		['完成全年目标的80%，但低于序时进度。', 'behind', '低于序时进度'],
		['完成全年目標的30%，進展順利，達序(xù)時。', 'on_track', '達序(xù)時']
	])('%s → %s', (text, status, evidence) => {
		const [only] = tasksOf(page(text));
		expect(only.status).toBe(status);
		expect(only.statusSource).toBe('inferred');
		expect(only.evidence.join(' ')).toContain(evidence);
	});
});

describe('readReport: the period of a table page from the lines under its title', () => {
	const table = '序号 | 工作任务 | 推进情况 |\n1 | 任务一 | 已完成。 |\n2 | 任务二 | 稳步推进。 |\n';

	it('reads a bracket under the title', () => {
		const draft = readReport(utf8(`某某区重点工作推进情况\n（2024年1-9月）\n${table}`));
		expect(draft.period).toEqual({ year: 2024, quarter: 3, months: [1, 9], label: '1-9月' });
		expect(draft.warnings).toEqual([]);
	});

	it('reads an opening sentence, and says so when the year comes from the publish date', () => {
		const draft = readReport(
			utf8(`发布日期：2023-10-12\n某某区重点工作推进情况\n截至9月底，各项工作推进如下。\n${table}`)
		);
		expect(draft.period).toMatchObject({ year: 2023, months: [1, 9], label: '截至9月底' });
		expect(draft.warnings).toEqual([{ line: null, message: '页面未写明年份，按发布日期2023-10-12取2023年' }]);
	});
});

/**
 * The UI's words in both languages, in one typed dictionary: a key missing from one language
 * is a type error. Task text from reports is never translated.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const zh = {
	appName: '进度',
	appTagline: '政府工作报告重点任务执行情况',
	switchLanguage: 'English',
	organization: '单位',
	plan: '年度',
	period: '报告期',
	category: '任务类别',
	task: '具体任务',
	tasks: '任务',
	taskCount: '任务数',
	status: '状态',
	source: '来源文件',
	inferred: '推断',
	reported: '报告',
	confirmed: '已确认',
	inferredHint: '状态由完成情况文字推断',
	noData: '还没有导入任何报告。',
	noDataHint: '用命令导入：npm run import -- 文件路径',
	uncategorised: '（未分类）',
	publishedOn: '发布日期',
	plansHeading: '单位与年度',
	latestPeriod: '最新报告期',
	flags: '数据质量提示'
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
	appName: 'Jindu',
	appTagline: 'Progress of government work report tasks',
	switchLanguage: '中文',
	organization: 'Organization',
	plan: 'Year',
	period: 'Period',
	category: 'Category',
	task: 'Task',
	tasks: 'Tasks',
	taskCount: 'Tasks',
	status: 'Status',
	source: 'Source',
	inferred: 'inferred',
	reported: 'reported',
	confirmed: 'confirmed',
	inferredHint: 'Status inferred from the progress text',
	noData: 'No report has been imported yet.',
	noDataHint: 'Import one with: npm run import -- FILE',
	uncategorised: '(no category)',
	publishedOn: 'Published',
	plansHeading: 'Organizations and years',
	latestPeriod: 'Latest period',
	flags: 'Data quality notes'
};

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language a cookie asks for; Chinese unless it says English. */
export function languageFromCookie(value: string | undefined): Lang {
	return isLang(value) ? value : 'zh';
}

/**
 * Turns a synthetic plan into the four quarterly reports an office would publish: one
 * ReportDraft per quarter, in the same shape every reader produces, with status texts in the
 * reports' register, figures where the plan counts them, and the copying that real reports show
 * (a text repeated from last quarter, a text pasted into another task's row, an empty cell).
 */
import { createHash } from 'node:crypto';
import { elapsedFraction, QUARTER_LABEL, type Period } from '../../domain/period';
import { statusFromProgress } from '../../domain/progress';
import { deviationPoints } from '../../domain/schedule';
import type { Status } from '../../domain/status';
import { inferStatus } from '../import/infer-status';
import { checkQuality } from '../import/quality';
import { assignThemes } from '../import/themes';
import type { DraftTask, ReportDraft, SourceMeta } from '../import/types';
import type { DocumentInput } from '../queries/imports';
import type { OrganizationNode } from './organizations';
import { formatNumber, type PlanSpec, type TaskPlan } from './plan';
import { Random } from './random';
import { CLOSINGS, DELAY_REASONS, NEXT_STEPS, NOT_STARTED_TEXTS, PLACEHOLDER_TEXTS, STATUS_WORDS } from './vocabulary';

/** Shares of the copying real reports show, per update (per document for pasted rows). */
export const COPY_RATES = {
	/** A narrative left as it was last quarter (same_as_previous). */
	sameAsPrevious: 0.03,
	/** Documents where one narrative was pasted into another task's row (duplicate_text). */
	pastedRow: 0.2,
	/** An empty or placeholder status cell (empty_status). */
	placeholder: 0.005
};

export interface QuarterDocument {
	draft: ReportDraft;
	doc: DocumentInput;
	/** When the report was published; written as the import time so that generation is reproducible. */
	now: string;
}

export interface DocumentLabel {
	/** Names the generator in each source's text: a synthetic source says what it is. */
	generator: string;
	/** 主题分类 of the generated sources: 合成数据 or 示例数据. */
	subject: string;
	/** Appended to each title, e.g. （示例数据）. */
	titleSuffix: string;
}

export const SYNTHETIC_LABEL: DocumentLabel = {
	generator: 'jindu synthetic data',
	subject: '合成数据',
	titleSuffix: '（合成数据）'
};

interface Written {
	text: string | null;
	status: Status;
	evidence: string[];
	percent: number | null;
	actual: number | null;
}

/** The four quarters of one plan, in order. Pure: the same plan always gives the same documents. */
export function* quarterDocuments(plan: PlanSpec, label: DocumentLabel = SYNTHETIC_LABEL): Generator<QuarterDocument> {
	let previous: Written[] = [];
	// Themes follow a task's name and content, the same in every quarter.
	const themes = plan.tasks.map((task) => assignThemes(task.name + task.content));
	for (const quarter of [1, 2, 3, 4] as const) {
		const random = Random.for(plan.seed, 'quarter', plan.organization.index, plan.year, quarter);
		const period: Period = { year: plan.year, quarter, months: null, label: QUARTER_LABEL[quarter] };
		const written = plan.tasks.map((task, i) => writeUpdate(random, plan, task, period, previous[i]));
		pasteRow(random, plan, written, period);
		previous = written;

		const tasks = plan.tasks.map(
			(task, i): DraftTask => ({
				seqNo: task.seqNo,
				name: task.name,
				content: task.content,
				statusText: written[i].text,
				status: written[i].status,
				statusSource: plan.style.statusColumn && written[i].status !== 'unknown' ? 'reported' : 'inferred',
				evidence: written[i].evidence,
				owner: task.owner,
				leader: null,
				periodTarget: plan.style.periodTargetColumn && task.measured ? periodTarget(task, quarter) : null,
				percent: written[i].percent,
				actual: written[i].actual,
				targets: task.targets,
				themes: themes[i],
				notes: null,
				line: i + 1
			})
		);
		const categories = plan.categories.map((name, c) => ({
			name,
			tasks: tasks.filter((_, i) => plan.tasks[i].category === c)
		}));
		const source = sourceMeta(random, plan, quarter, label);
		const draft: ReportDraft = { source, period, categories, flags: [], warnings: [] };
		draft.flags = checkQuality(draft);

		const text = JSON.stringify({
			generator: label.generator,
			version: 1,
			seed: plan.seed,
			organization: plan.organization.chain,
			year: plan.year,
			quarter,
			tasks: tasks.length
		});
		const bytes = new TextEncoder().encode(text);
		yield {
			draft,
			doc: {
				bytes,
				text,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				fileName: null,
				format: 'generated'
			},
			now: `${source.publishedOn}T02:00:00.000Z`
		};
	}
}

/** One task's update in one quarter, written from its progress. */
function writeUpdate(
	random: Random,
	plan: PlanSpec,
	task: TaskPlan,
	period: Period,
	before: Written | undefined
): Written {
	const comma = plan.style.comma;
	if (random.chance(COPY_RATES.placeholder)) {
		return {
			text: random.pick(PLACEHOLDER_TEXTS) || null,
			status: 'unknown',
			evidence: [],
			percent: null,
			actual: null
		};
	}
	// A narrative copied from last quarter keeps last quarter's status: nothing new was reported.
	if (!task.measured && before?.text && before.status !== 'unknown' && random.chance(COPY_RATES.sameAsPrevious)) {
		return before;
	}
	const progress = task.progress[period.quarter! - 1];
	let percent: number | null = null;
	let actual: number | null = null;
	let status: Status;
	if (task.measured) {
		actual = roundTo(task.measured.value * progress, task.measured.decimals);
		percent = Math.round((actual / task.measured.value) * 1000) / 10;
		status = statusFromProgress(percent, period)!;
	} else {
		status = statusFromProgress(Math.round(progress * 1000) / 10, period)!;
	}
	// Redraw a text that happens to match last quarter's word for word: copies are made on purpose above, not by chance.
	let text = '';
	for (let attempt = 0; attempt < 5 && (attempt === 0 || text === before?.text); attempt++) {
		text = task.measured
			? measuredText(random, task, period, status, actual!, percent!, comma)
			: narrativeText(random, task, period, status, comma);
	}
	return { text, status, evidence: evidence(random, plan, text, status, period), percent, actual };
}

function measuredText(
	random: Random,
	task: TaskPlan,
	period: Period,
	status: Status,
	actual: number,
	percent: number,
	comma: string
): string {
	const { done, measures } = task.template;
	const unit = task.measured!.unit;
	const figure = `累计${done}${formatNumber(actual, task.measured!.decimals)}${unit}${comma}完成率${formatNumber(percent, 1)}%`;
	const gap = Math.abs(deviationPoints(percent / 100, elapsedFraction(period)));
	const yearEnd = period.quarter === 4;
	const closing = (options: readonly string[]) => random.pick(options).replace('{gap}', formatNumber(gap, 1));
	const c = CLOSINGS.measured;
	switch (status) {
		case 'completed':
			return `${random.pick(measures)}${comma}${figure}${comma}${closing(percent >= 110 ? c.exceeded : yearEnd ? c.completed : c.completedEarly)}。`;
		case 'ahead':
			return `${random.pick(measures)}${comma}${figure}${comma}${closing(c.ahead)}。`;
		case 'on_track':
			return `${random.pick(measures)}${comma}${figure}${comma}${closing(c.on_track)}。`;
		case 'behind':
			return `受${random.pick(DELAY_REASONS)}影响${comma}${figure}${comma}${closing(yearEnd ? c.behindYearEnd : c.behind)}。下步打算：${random.pick(NEXT_STEPS)}。`;
		default:
			return `${random.pick(NOT_STARTED_TEXTS).replace('{comma}', comma)}${comma}${figure}。`;
	}
}

function narrativeText(random: Random, task: TaskPlan, period: Period, status: Status, comma: string): string {
	const shuffled = random.shuffle(task.template.measures);
	const first = shuffled[0];
	// A rate or a ceiling is reported as it stands (化解率达97.2%); counted targets are left to the figures of measured tasks.
	const second = figure(random, task) ?? shuffled[1];
	const yearEnd = period.quarter === 4;
	const closing = (options: readonly string[]) => random.pick(options).replace('{topic}', task.template.topics[0]);
	const c = CLOSINGS.narrative;
	switch (status) {
		case 'completed':
			return `${first}${comma}${second}${comma}${closing(yearEnd ? c.completed : c.completedEarly)}。`;
		case 'ahead':
			return `${first}${comma}${second}${comma}${closing(c.ahead)}。`;
		case 'on_track':
			return `${first}${comma}${second}${comma}${closing(c.on_track)}。`;
		case 'behind':
			return `受${random.pick(DELAY_REASONS)}影响${comma}${first}${comma}${closing(yearEnd ? c.behindYearEnd : c.behind)}。下步打算：${random.pick(NEXT_STEPS)}。`;
		default:
			return `${task.template.topics[0]}工作${random.pick(NOT_STARTED_TEXTS).replace('{comma}', comma)}。`;
	}
}

function figure(random: Random, task: TaskPlan): string | null {
	const target = task.template.target;
	if (!target?.figure || task.targetValue === null || !random.chance(0.8)) return null;
	const value = task.targetValue;
	const x = target.form === 'within' ? value * random.between(0.75, 1) : Math.min(99.9, value + random.between(0, 4));
	return target.figure.replace('{x}', formatNumber(x, target.unit === '%' ? 1 : 0));
}

/**
 * What decided the status, as the importer records it: the status column's word where the
 * report has one, else the phrases inferStatus finds in the text (which the vocabulary is built
 * to agree with; the closing clause when it does not).
 */
function evidence(random: Random, plan: PlanSpec, text: string, status: Status, period: Period): string[] {
	if (plan.style.statusColumn && status !== 'unknown') return [random.pick(STATUS_WORDS[status])];
	const reading = inferStatus(text, period);
	return reading.status === status ? reading.evidence : [];
}

/**
 * Now and then a narrative is pasted into another task's row — as in the seed, where
 * 聚能聚力重塑关键板块 repeats 坚定数字升级. The row takes the pasted status with the text.
 */
function pasteRow(random: Random, plan: PlanSpec, written: Written[], period: Period): void {
	if (!random.chance(COPY_RATES.pastedRow)) return;
	const narrative = plan.tasks
		.map((t, i) => i)
		.filter((i) => !plan.tasks[i].measured && written[i].text && written[i].status !== 'unknown');
	if (narrative.length < 2) return;
	const [from, to] = random.shuffle(narrative);
	written[to] = {
		...written[from],
		evidence: evidence(random, plan, written[from].text!, written[from].status, period)
	};
}

function periodTarget(task: TaskPlan, quarter: number): string {
	if (quarter === 4) return '完成全年目标';
	const { value, unit, decimals } = task.measured!;
	return `完成${formatNumber(roundTo((value * quarter) / 4, decimals), decimals)}${unit}`;
}

function roundTo(value: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
}

const CN_QUARTER: Record<number, string> = { 1: '第一季度', 2: '第二季度', 3: '第三季度', 4: '第四季度' };

/** The metadata block of a synthetic page: title as real pages write it, published some days after the quarter. */
function sourceMeta(random: Random, plan: PlanSpec, quarter: number, label: DocumentLabel): SourceMeta {
	const org = plan.organization;
	const month = quarter * 3 + 1;
	const published = `${month > 12 ? plan.year + 1 : plan.year}-${String(month > 12 ? 1 : month).padStart(2, '0')}-${String(random.int(5, 25)).padStart(2, '0')}`;
	return {
		title: `${fullName(org)}${plan.year}年《政府工作报告》${CN_QUARTER[quarter]}重点任务执行情况${label.titleSuffix}`,
		publisher: publisher(org),
		indexNo: `${String.fromCharCode(65 + (org.index % 26))}${String(org.index % 1000).padStart(3, '0')}/${plan.year}-${String(random.int(10000, 99999))}`,
		writtenOn: published,
		publishedOn: published,
		subject: label.subject,
		url: null
	};
}

/** 澄川市霁湄区人民政府萱汀街道办事处, as page titles name a body (the province is left out, as cities do). */
function fullName(org: OrganizationNode): string {
	const chain = org.level === 'province' ? org.chain : org.chain.filter((name) => !name.endsWith('省'));
	if (org.level === 'street') return `${chain.slice(0, -1).join('')}人民政府${org.name}办事处`;
	return `${chain.join('')}人民政府`;
}

function publisher(org: OrganizationNode): string {
	switch (org.level) {
		case 'street':
		case 'town':
			return org.name;
		case 'district':
			return '区政府办';
		case 'county':
			return '县政府办';
		case 'city':
			return '市政府办公室';
		case 'province':
			return '省政府办公厅';
	}
}

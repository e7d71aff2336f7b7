/**
 * One organization's synthetic plan for one year: its categories and tasks, and for every task
 * how far it has come at the end of each quarter. Pure and seeded: the same (seed,
 * organization, year) always gives the same plan, whatever was generated before it.
 */
import { extractTargets } from '../import/targets';
import type { Target } from '../import/types';
import type { OrganizationLevel, OrganizationNode } from './organizations';
import { Random } from './random';
import { DOMAINS, LEVEL_DOMAINS, NAME_MANNERS, NAME_VERBS, type Domain, type TaskTemplate } from './vocabulary';

/** How an organization's office writes its reports; the same every year. */
export interface ReportStyle {
	/** A status column (目标完成情况): statuses are `reported`; without one they are `inferred` from the text. */
	statusColumn: boolean;
	ownerColumn: boolean;
	seqColumn: boolean;
	/** A 节点目标 column with what each quarter was meant to reach. */
	periodTargetColumn: boolean;
	/** Categories named by one phrase (推进基层社会治理) rather than three (坚持…,…,…). */
	shortCategories: boolean;
	/** Share of tasks with a countable target whose progress the report states as a number. */
	measuredShare: number;
	/** The comma the office types: real reports mix ',' and '，'. */
	comma: string;
}

/**
 * How a task moves through the year. Most go forward on schedule; some finish early, start
 * late, stall, stay slow, or lose ground (a figure revised down).
 */
export type Profile = 'steady' | 'early' | 'late' | 'stall' | 'slow' | 'regress' | 'dormant';

const PROFILES: readonly (readonly [Profile, number])[] = [
	['steady', 0.5],
	['early', 0.14],
	['late', 0.08],
	['stall', 0.12],
	['slow', 0.08],
	['regress', 0.05],
	['dormant', 0.03]
];

export interface TaskPlan {
	/** Index into PlanSpec.categories. */
	category: number;
	name: string;
	content: string;
	/** What the importer reads from the content (extractTargets), so generated and imported tasks agree. */
	targets: Target[];
	owner: string | null;
	seqNo: string | null;
	template: TaskTemplate;
	/** The value of the template's target as the content states it; null without one. */
	targetValue: number | null;
	/** The yearly target whose actuals the reports state; null for tasks reported in words only. */
	measured: { value: number; unit: string; decimals: number } | null;
	profile: Profile;
	/** Share of the yearly task done at the end of Q1…Q4 (may exceed 1: 超额完成). */
	progress: [number, number, number, number];
}

export interface PlanSpec {
	seed: string;
	organization: OrganizationNode;
	year: number;
	style: ReportStyle;
	categories: string[];
	tasks: TaskPlan[];
}

export const MIN_TASKS = 10;
export const MAX_TASKS = 60;
/** Templates per domain bound the tasks one category can hold without repeating itself. */
const MAX_TASKS_PER_CATEGORY = Math.min(...DOMAINS.map((d) => d.templates.length));

/** How many tasks a plan has: around `mean`, within 10–60. Drawn from its own stream, so totals can be known in advance. */
export function taskCount(seed: string, organization: number, year: number, mean: number): number {
	const m = Math.min(MAX_TASKS, Math.max(MIN_TASKS, mean));
	const random = Random.for(seed, 'task-count', organization, year);
	return random.int(Math.max(MIN_TASKS, Math.round(m * 0.5)), Math.min(MAX_TASKS, Math.round(m * 1.5)));
}

export function reportStyle(seed: string, organization: OrganizationNode): ReportStyle {
	const random = Random.for(seed, 'style', organization.index);
	return {
		statusColumn: random.chance(0.4),
		ownerColumn: random.chance(0.6),
		seqColumn: random.chance(0.5),
		periodTargetColumn: random.chance(0.25),
		shortCategories: random.chance(0.35),
		measuredShare: random.between(0.7, 0.95),
		comma: random.chance(0.5) ? ',' : '，'
	};
}

export function buildPlan(seed: string, organization: OrganizationNode, year: number, meanTasks: number): PlanSpec {
	const random = Random.for(seed, 'plan', organization.index, year);
	const style = reportStyle(seed, organization);
	const total = taskCount(seed, organization.index, year, meanTasks);

	const available = DOMAINS.filter((d) => LEVEL_DOMAINS[organization.level].includes(d.key));
	// 4–6 categories of at least two tasks each, and enough of them that none holds more tasks than its domain has kinds of.
	const categoryCount = Math.min(
		available.length,
		Math.floor(total / 2),
		Math.max(random.int(4, 6), Math.ceil(total / MAX_TASKS_PER_CATEGORY))
	);
	// Kept in DOMAINS order, which is the order reports use: economy first, governance late.
	const chosen = new Set(random.shuffle(available).slice(0, categoryCount));
	const domains = available.filter((d) => chosen.has(d));
	const sizes = distribute(random, total, domains.length);

	const categories = domains.map((d) => categoryName(random, d, style));
	const usedNames = new Set<string>();
	const tasks: TaskPlan[] = [];
	domains.forEach((domain, category) => {
		for (const template of random.shuffle(domain.templates).slice(0, sizes[category])) {
			const { content, measuredValue } = composeContent(random, template, organization);
			const targets = extractTargets(content);
			const target = template.target;
			const measurable =
				target && !target.noActual && measuredValue !== null && targets.some((t) => t.unit === target.unit);
			tasks.push({
				category,
				name: taskName(random, template, usedNames),
				content,
				targets,
				owner: style.ownerColumn ? owner(random, domain, organization.level) : null,
				seqNo: style.seqColumn ? String(tasks.length + 1) : null,
				template,
				targetValue: measuredValue,
				measured:
					measurable && random.chance(style.measuredShare)
						? { value: measuredValue!, unit: target.unit, decimals: target.decimals ?? 0 }
						: null,
				...trajectory(random)
			});
		}
	});
	return { seed, organization, year, style, categories, tasks };
}

/** `total` tasks over `parts` categories: at least 2 each, at most MAX_TASKS_PER_CATEGORY, uneven like real plans. */
function distribute(random: Random, total: number, parts: number): number[] {
	const sizes = Array<number>(parts).fill(2);
	const weights = sizes.map(() => random.between(0.6, 1.6));
	for (let left = total - 2 * parts; left > 0; left--) {
		const open = sizes.map((s, i) => [i, s < MAX_TASKS_PER_CATEGORY ? weights[i] : 0] as const);
		sizes[random.weighted(open)]++;
	}
	return sizes;
}

function categoryName(random: Random, domain: Domain, style: ReportStyle): string {
	if (style.shortCategories) return random.pick(domain.short);
	return [random.pick(domain.ways), random.pick(domain.actions), random.pick(domain.goals)].join(style.comma);
}

function taskName(random: Random, template: TaskTemplate, used: Set<string>): string {
	for (let attempt = 0; attempt < 20; attempt++) {
		const verb = random.pick(NAME_VERBS);
		const name = (random.chance(0.2) ? random.pick(NAME_MANNERS) : '') + verb + random.pick(template.topics);
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
	}
	// Twenty clashes in a row cannot happen with today's vocabulary; numbering keeps names unique if it ever grows thin.
	const name = `${random.pick(NAME_VERBS)}${template.topics[0]}（${used.size + 1}）`;
	used.add(name);
	return name;
}

/** Bigger bodies have bigger targets: a city builds more than one of its streets. */
const SCALE: Record<OrganizationLevel, number> = { street: 1, town: 1, district: 4, county: 3, city: 12, province: 60 };

function composeContent(
	random: Random,
	template: TaskTemplate,
	organization: OrganizationNode
): { content: string; measuredValue: number | null } {
	let content = template.content.replaceAll('{stem}', organization.stem);
	const target = template.target;
	if (!target) return { content, measuredValue: null };
	const scale = target.noActual || target.unit === '%' ? 1 : SCALE[organization.level];
	const value = roundValue(random.between(target.min, target.max) * scale, target.decimals ?? 0);
	const number = formatNumber(value, target.decimals ?? 0);
	const words =
		target.form === 'above'
			? `${number}${target.unit}以上`
			: target.form === 'atLeast'
				? `不少于${number}${target.unit}`
				: target.form === 'within'
					? `控制在${number}${target.unit}以内`
					: `${number}${target.unit}`;
	content = content.replaceAll('{target}', words).replaceAll('{n}', number);
	return { content, measuredValue: value };
}

/** Round figures as plans state them: 3, 30, 250, 1200 — not 247. */
function roundValue(value: number, decimals: number): number {
	if (decimals > 0) return Math.max(10 ** -decimals, Math.round(value * 10 ** decimals) / 10 ** decimals);
	const step = value >= 1000 ? 100 : value >= 200 ? 10 : value >= 50 ? 5 : 1;
	return Math.max(1, Math.round(value / step) * step);
}

export function formatNumber(value: number, decimals: number): string {
	return decimals > 0 ? String(Math.round(value * 10 ** decimals) / 10 ** decimals) : String(Math.round(value));
}

function owner(random: Random, domain: Domain, level: OrganizationLevel): string {
	const key = level === 'town' ? 'street' : level === 'county' ? 'district' : level;
	const department = random.pick(domain.owners[key]);
	if (key === 'street' || key === 'province') return department;
	return (level === 'county' ? '县' : key === 'district' ? '区' : '市') + department;
}

/** Latent progress at each quarter's end, by profile. Elapsed shares: 0.25, 0.5, 0.75, 1. */
function trajectory(random: Random): Pick<TaskPlan, 'profile' | 'progress'> {
	const profile = random.weighted(PROFILES);
	const elapsed = [0.25, 0.5, 0.75, 1];
	const pace = (q: number, low: number, high: number) => elapsed[q] * random.between(low, high);
	const finish = () => random.between(1, 1.25);
	let p: number[];
	switch (profile) {
		case 'steady': {
			p = [0, 1, 2].map((q) => pace(q, 1, 1.3));
			p.push(random.chance(0.95) ? finish() : random.between(0.85, 0.99));
			break;
		}
		case 'early': {
			const done = random.weighted([
				[0, 0.1],
				[1, 0.4],
				[2, 0.5]
			] as const);
			p = elapsed.map((_, q) => (q < done ? Math.min(0.95, pace(q, 1.3, 1.8)) : finish()));
			break;
		}
		case 'late':
			p = [
				0,
				random.between(0.2, 0.45),
				random.between(0.5, 0.8),
				random.chance(0.8) ? finish() : random.between(0.85, 0.98)
			];
			break;
		case 'stall': {
			const at = random.int(0, 2);
			p = elapsed.map((_, q) => pace(Math.min(q, at), 0.9, 1.15));
			// Some stalled tasks are pushed through in the year's last quarter.
			if (random.chance(0.35)) p[3] = finish();
			break;
		}
		case 'slow':
			p = [0, 1, 2].map((q) => pace(q, 0.45, 0.85)).concat(random.between(0.6, 0.95));
			break;
		case 'regress': {
			const at = random.int(1, 3);
			p = elapsed.map((_, q) => pace(q, 1, 1.3));
			// A figure revised down (经复核调减): below the quarter before, then no further than that.
			p[at] = p[at - 1] * random.between(0.6, 0.9);
			for (let q = at + 1; q < 4; q++) p[q] = p[at];
			break;
		}
		case 'dormant':
			p = [0, 0, random.chance(0.5) ? 0 : random.between(0.05, 0.2), random.between(0.2, 0.6)];
			break;
	}
	// Cumulative progress does not go back, except where the profile says it was revised down.
	if (profile !== 'regress') for (let q = 1; q < 4; q++) p[q] = Math.max(p[q], p[q - 1]);
	return { profile, progress: p as TaskPlan['progress'] };
}

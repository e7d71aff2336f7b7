/**
 * The block above a published report's table: page address, 索引号 / 发布机构 / 成文日期 /
 * 主题分类 / 发布日期 labels and the title. Sites print the labels in different ways — spaced out
 * (索 引 号 H083/2024-79731), two pairs to a line, with or without a colon — so labels are found
 * wherever they stand on a line and each value runs to the next label.
 */
import { findOpeningPeriod } from '../../domain/period';
import type { StatedPeriod } from './table';
import type { SourceMeta } from './types';

type MetaKey = 'indexNo' | 'writtenOn' | 'publisher' | 'subject' | 'publishedOn' | 'origin' | 'period' | 'ignored';

/** Labels seen on real pages. 'ignored' labels only end the value before them. */
const LABELS: Record<MetaKey, readonly string[]> = {
	indexNo: ['索引号'],
	writtenOn: ['成文日期'],
	publisher: ['发布机构', '发文机关', '填报单位', '报送单位'],
	subject: ['主题分类'],
	publishedOn: ['发布日期', '发布时间', '填报日期', '报送日期', '时间'],
	origin: ['信息来源', '来源'],
	// Spreadsheets (and the import template) state the period in a cell of its own.
	period: ['报告期'],
	ignored: [
		'公开方式',
		'发文字号',
		'文号',
		'访问次数',
		'浏览次数',
		'字体',
		'有效性',
		'公开范围',
		'生成日期',
		'点击数',
		'组配分类',
		'体裁分类'
	]
};

/** A metadata line longer than this is body text, not a label block. */
const MAX_META_LINE = 300;
/** How many lines under the title may state the period. */
const OPENING_LINES = 4;
/** A title longer than this is a paragraph. */
const MAX_TITLE = 200;

const LABEL_OF = new Map<string, MetaKey>();
for (const [key, labels] of Object.entries(LABELS) as [MetaKey, readonly string[]][]) {
	for (const label of labels) LABEL_OF.set(label, key);
}
/** 索引号 also matches 索 引 号; a colon after the label is optional. */
const LABEL_PATTERN = new RegExp(
	`(${[...LABEL_OF.keys()].map((label) => [...label].join('[ \\t\\u3000]*')).join('|')})[ \\t\\u3000]*[:：]?`,
	'g'
);

/** Words that mark the line naming the report. */
const TITLE_WORDS = /政府工作报告|重点任务|重点工作|进展|执行情况|完成情况|推进情况|落实情况|民生实事|工作任务|进度/;
/** Labels too common as words (来源, 时间进度) count only with a colon after them. */
const COLON_ONLY = new Set(['来源', '时间']);
const YEAR_IN_TITLE = /(?:19|20)\d{2}\s*年/;

export interface PageMeta {
	source: SourceMeta;
	/** 1-based line of the title, or null. */
	titleLine: number | null;
	/** A 报告期 label's value, when the lines state one (报告期：2024年第二季度). */
	period?: StatedPeriod;
	/** Lines under the title that name a period: a bracket (（2024年1-9月）), an opening sentence (截至9月底，…). */
	opening?: StatedPeriod[];
}

/**
 * Reads the metadata and title from the lines above the table (`lines` holds them all; line
 * numbers are 1-based). The first non-empty value of a label wins; 发布机构 falls back to 信息来源.
 */
export function readPageMeta(lines: readonly string[]): PageMeta {
	const values: Partial<Record<MetaKey, string>> = {};
	let periodLine = 0;
	let url: string | null = null;
	let title: { text: string; line: number; hasYear: boolean } | null = null;
	const others: { text: string; line: number }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (line === '' || line.length > MAX_META_LINE) continue;
		if (url === null && title === null && /^https?:\/\/\S+$/.test(line)) {
			url = line;
			continue;
		}
		const labelled = readLabels(line);
		if (labelled) {
			for (const [key, value] of labelled) {
				if (values[key] || !value) continue;
				values[key] = value;
				if (key === 'period') periodLine = i + 1;
			}
			continue;
		}
		others.push({ text: line, line: i + 1 });
		if (line.length > MAX_TITLE || !TITLE_WORDS.test(line) || /^当前(?:位置|栏目)|[>›»]/.test(line)) continue;
		const hasYear = YEAR_IN_TITLE.test(line);
		if (title === null || (hasYear && !title.hasYear)) title = { text: line, line: i + 1, hasYear };
	}
	const meta: PageMeta = {
		source: {
			title: title?.text ?? null,
			publisher: values.publisher ?? values.origin ?? null,
			indexNo: values.indexNo ?? null,
			writtenOn: isoDate(values.writtenOn),
			publishedOn: isoDate(values.publishedOn),
			subject: values.subject ?? null,
			url
		},
		titleLine: title?.line ?? null
	};
	const opening = others
		.filter((o) => o.line > (title?.line ?? 0))
		.slice(0, OPENING_LINES)
		.filter((o) => findOpeningPeriod(o.text, { sentence: !/^[（(].*[)）]$/u.test(o.text) }) !== null);
	if (opening.length > 0) meta.opening = opening;
	if (values.period) meta.period = { text: values.period, line: periodLine };
	return meta;
}

/** The label/value pairs of a line that starts with a label, or null for any other line. */
function readLabels(line: string): [MetaKey, string][] | null {
	const matches = [...line.matchAll(LABEL_PATTERN)];
	if (matches.length === 0 || matches[0].index !== 0) return null;
	if (COLON_ONLY.has(matches[0][1]) && !/[:：]$/.test(matches[0][0])) return null;
	return matches.map((match, k) => {
		const key = LABEL_OF.get(match[1].replace(/[ \t\u3000]/g, '')) as MetaKey;
		const end = k + 1 < matches.length ? matches[k + 1].index : line.length;
		return [key, line.slice(match.index + match[0].length, end).trim()];
	});
}

/** 2024-07-08 14:44, 2024/7/8, 2024年7月8日 → 2024-07-08; null when there is no valid date. */
export function isoDate(text: string | undefined): string | null {
	const match = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

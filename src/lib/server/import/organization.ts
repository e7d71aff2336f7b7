/**
 * Which body a report belongs to. Pages rarely say it in one field: 发布机构 is often an office
 * (区政府办), while the title names the body in full (杭州市萧山区人民政府新街街道办事处).
 * We read the administrative chain from the title, fall back to the publisher, and let the
 * caller override both.
 */
import type { ReportDraft } from './types';
import { ImportError } from './types';

/** Level suffixes, top down. A chain is read greedily in this order from the title. */
const LEVELS = [/^(.{1,8}?省)/, /^(.{1,8}?市)/, /^(.{1,8}?(?:区|县))/, /^(.{1,8}?(?:街道|镇|乡))/];

/** 杭州市萧山区人民政府新街街道办事处 → ['杭州市', '萧山区', '新街街道']. */
export function chainFromTitle(title: string): string[] {
	const body = /^(?:【[^】]*】)?\s*([^\d《（(]+?)(?:人民政府|政府)?(?:办事处)?(?:\d{4}|《)/.exec(title)?.[1] ?? '';
	let rest = body.replace(/人民政府|办事处/g, '');
	const chain: string[] = [];
	for (const level of LEVELS) {
		const match = level.exec(rest);
		// 为扎实推进我市2017年…: a title that opens with a sentence names no place.
		if (match && !NOT_A_NAME.test(match[1])) {
			chain.push(match[1]);
			rest = rest.slice(match[1].length);
		}
	}
	return chain;
}

const BODY_SUFFIX = /(省|市|区|县|街道|镇|乡)$/;
/**
 * A publisher that is an office or a working body of a government (市政府办公室, 区政府办, 政务督查室,
 * 重点项目建设指挥部办公室): it speaks for that government and is never an organization of its own.
 */
const OFFICE = /(?:办公室|办公厅|政府办|督查室|督查办|督办室|指挥部|领导小组|[^街]办|\(|（)/;

/** Words no place name holds: the match ran into the sentence before it (为切实推进市政府…). */
const NOT_A_NAME = /^(?:本|我|全|该|各|为|对|在|由|向|从|关于)|推进|切实|落实|决策|部署|工作|情况|的|了/;

/**
 * The government a text names in full before an institution (绍兴市人民政府办公室 → 绍兴市, 杭州市第十四届
 * 人民代表大会 → 杭州市, 国务院 → 国务院): the chain of place names that ends right before it. [] when
 * none does — a place name cut off or standing alone (全市, 小区) is not taken.
 */
export function governmentNamed(text: string): string[] {
	if (/国务院/.test(text)) return ['国务院'];
	const pattern =
		/(?<=^|[\s，,。；;：:、《“"（(】])((?:[\u4e00-\u9fa5]{1,8}?(?:省|自治区|市|自治州|州|盟|区|县|旗|街道|镇|乡)){1,4})(?=人民政府|政府|人民代表大会|人大|第[一二三四五六七八九十\d]{1,4}届|委员会|党委|办公室|政府办|督查室)/gu;
	for (const match of text.matchAll(pattern)) {
		// 同时被杭州市人民政府授予…: the name starts after the sentence's own words.
		const name = match[1].replace(/^.*[被经时据从由于的了在对为把将向给让]/u, '');
		const chain = chainFromTitle(`${name}人民政府2000年`);
		const whole = chain.length > 0 && chain.join('') === name;
		if (whole && !NOT_A_NAME.test(name) && chain.every((part) => part.length >= 3 || /街道$/.test(part))) return chain;
	}
	return [];
}

/**
 * The organization chain for a report, top down. `override` (from the CLI's --org or the
 * bundled manifest) wins; else the title's chain, ending with the publisher when the
 * publisher is a body below it; else the government the page names as the one it speaks for
 * (an office's page, a news report); else the publisher when it is a body, or the government an
 * office publisher belongs to. [] when nothing names one: the caller asks for --org.
 */
export function resolveOrganization(draft: ReportDraft, override?: string[]): string[] {
	if (override && override.length > 0) return override;
	const chain = draft.source.title ? chainFromTitle(draft.source.title) : [];
	const publisher = draft.source.publisher?.trim() || null;
	const office = publisher !== null && OFFICE.test(publisher);
	if (publisher && !office && BODY_SUFFIX.test(publisher) && !chain.includes(publisher)) {
		if (chain.length > 0 && !chain.at(-1)!.endsWith(publisher)) chain.push(publisher);
		else if (chain.length === 0 && governmentNamed(`${publisher}人民政府`).join('') === publisher)
			chain.push(publisher);
	}
	if (chain.length > 0) return chain;
	const candidates = [
		draft.source.title ? governmentNamed(draft.source.title) : [],
		draft.speaksFor ?? [],
		publisher ? (office ? officeGovernment(publisher) : governmentNamed(`${publisher}人民政府`)) : []
	];
	return candidates.find((c) => c.length > 0) ?? [];
}

/**
 * The government an office belongs to, from the place names it starts with (绍兴市人民政府办公室 →
 * 绍兴市, 黄石市重点民生实事项目建设指挥部办公室 → 黄石市); [] for 市政府办公室, 区政府办.
 */
function officeGovernment(publisher: string): string[] {
	const named = governmentNamed(publisher);
	if (named.length > 0) return named;
	const first = /^([\u4e00-\u9fa5]{2,6}?(?:省|市|区|县))/u.exec(publisher)?.[1];
	return first && !/^(?:本|我|全|该|各)/.test(first) ? [first] : [];
}

/** The chain, or an ImportError asking for --org: writing needs an organization. */
export function requireOrganization(chain: string[]): string[] {
	if (chain.length > 0) return chain;
	throw new ImportError(
		'cannot tell which organization published this report: no government is named in the title, the text or the publisher (an office such as 市政府办公室 speaks for its government but does not name it); name it with --org'
	);
}

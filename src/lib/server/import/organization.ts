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
		if (match && !/^(本|我|全)/.test(match[1])) {
			chain.push(match[1]);
			rest = rest.slice(match[1].length);
		}
	}
	return chain;
}

const BODY_SUFFIX = /(省|市|区|县|街道|镇|乡)$/;

/**
 * The organization chain for a report, top down. `override` (from the CLI's --org or the
 * bundled manifest) wins; else the title's chain, ending with the publisher when the
 * publisher is a body below it; else the publisher alone.
 */
export function resolveOrganization(draft: ReportDraft, override?: string[]): string[] {
	if (override && override.length > 0) return override;
	const chain = draft.source.title ? chainFromTitle(draft.source.title) : [];
	const publisher = draft.source.publisher?.trim() || null;
	if (publisher && BODY_SUFFIX.test(publisher) && !chain.includes(publisher)) {
		if (chain.length > 0 && !chain.at(-1)!.endsWith(publisher)) chain.push(publisher);
		else if (chain.length === 0) chain.push(publisher);
	}
	if (chain.length > 0) return chain;
	if (publisher) return [publisher];
	throw new ImportError(
		'cannot tell which organization published this report: no body in the title and no 发布机构; name it with --org'
	);
}

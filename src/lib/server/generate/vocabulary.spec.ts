import { describe, expect, it } from 'vitest';
import type { Status } from '../../domain/status';
import { inferStatus, mapReportedStatus } from '../import/infer-status';
import { assignThemes } from '../import/themes';
import { extractTargets } from '../import/targets';
import { CLOSINGS, DELAY_REASONS, DOMAINS, NOT_STARTED_TEXTS, STATUS_WORDS } from './vocabulary';

const Q2 = { quarter: 2, months: null };
const Q4 = { quarter: 4, months: null };
const templates = DOMAINS.flatMap((domain) => domain.templates.map((template) => ({ domain: domain.key, template })));

/** A template's content with its placeholders filled as the plan builder fills them. */
function content(t: (typeof templates)[number]['template']): string {
	const target = t.target;
	const words = !target
		? ''
		: {
				above: `6${target.unit}以上`,
				atLeast: `不少于6${target.unit}`,
				exact: `6${target.unit}`,
				within: `控制在6${target.unit}以内`
			}[target.form];
	return t.content.replaceAll('{target}', words).replaceAll('{n}', '6').replaceAll('{stem}', '霁湄');
}

describe('vocabulary', () => {
	it('gives every category domain enough distinct tasks for a 60-task plan in 5 categories', () => {
		for (const domain of DOMAINS) expect(domain.templates.length).toBeGreaterThanOrEqual(12);
		const categoryNames = DOMAINS.flatMap((d) => [...d.ways, ...d.actions, ...d.goals, ...d.short]);
		expect(new Set(categoryNames).size).toBe(categoryNames.length);
	});

	it.each(templates.map((t) => [t.domain, t.template.topics[0], t.template] as const))(
		'%s / %s: the importer reads its target and gives it a theme',
		(_domain, topic, template) => {
			const text = content(template);
			const targets = extractTargets(text);
			if (template.target && !template.target.noActual) {
				expect(targets).toHaveLength(1);
				expect(targets[0]).toMatchObject({
					value: 6,
					unit: template.target.unit,
					comparator: template.target.form === 'exact' ? '=' : '>='
				});
			}
			expect(assignThemes(topic + text)).not.toEqual(['其他']);
		}
	);

	it('closes every measure with a clause the importer reads as the intended status, and nothing in a measure overrides it', () => {
		const cases: [string, Status, typeof Q2][] = [];
		const closing = (text: string) => text.replace('{gap}', '12.5').replace('{topic}', '数字升级');
		const n = CLOSINGS.narrative;
		const m = CLOSINGS.measured;
		for (const [status, options, period] of [
			['completed', [...n.completed, ...m.completed, ...m.exceeded], Q4],
			['completed', [...n.completedEarly, ...m.completedEarly, ...m.exceeded], Q2],
			['ahead', [...n.ahead, ...m.ahead], Q2],
			['on_track', [...n.on_track, ...m.on_track], Q2],
			['behind', [...n.behind, ...m.behind], Q2],
			['behind', [...n.behindYearEnd, ...m.behindYearEnd], Q4]
		] as const) {
			for (const { template } of templates) {
				for (const measure of template.measures) {
					for (const option of options) {
						const lead = status === 'behind' ? `受${DELAY_REASONS[0]}影响,${measure}` : measure;
						cases.push([
							`${lead},累计${template.done}3个,完成率30%,${closing(option)}。下步打算：${'加快推进,确保完成'}。`,
							status,
							period
						]);
					}
				}
			}
		}
		for (const text of NOT_STARTED_TEXTS)
			cases.push([`数字升级工作${text.replace('{comma}', ',')}。`, 'not_started', Q2]);
		const wrong = cases.filter(([text, status, period]) => inferStatus(text, period).status !== status);
		expect(wrong.slice(0, 5)).toEqual([]);
	});

	it('uses status-column words that the importer maps to the same status', () => {
		for (const [status, words] of Object.entries(STATUS_WORDS)) {
			for (const word of words) expect(mapReportedStatus(word, Q2)?.status).toBe(status);
		}
	});
});

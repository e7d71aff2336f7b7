/**
 * Data-quality flag kinds (DESIGN.md, "Data quality is a feature"), with their labels.
 * Shared by the importer that raises them and the pages that show them.
 */
export const FLAG_KINDS = [
	'duplicate_text',
	'same_as_previous',
	'target_not_reported',
	'empty_status',
	'summary_mismatch'
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export function isFlagKind(value: unknown): value is FlagKind {
	return typeof value === 'string' && (FLAG_KINDS as readonly string[]).includes(value);
}

export const FLAG_LABEL: Record<'zh' | 'en', Record<FlagKind, string>> = {
	zh: {
		duplicate_text: '与其他任务同期文字相同',
		same_as_previous: '与上期文字相同',
		target_not_reported: '目标未见报告',
		empty_status: '完成情况为空',
		summary_mismatch: '通报数与列出项不符'
	},
	en: {
		duplicate_text: 'Same text as another task',
		same_as_previous: 'Same text as last period',
		target_not_reported: 'Target not reported on',
		empty_status: 'Empty status',
		summary_mismatch: 'Counts differ from items named'
	}
};

/**
 * What a person reads when a request fails: a bad URL parameter (400), a missing page (404) or a fault
 * (500), in the UI language. FilterError carries a kind and its values; its English `message` stays for
 * logs and the command line, and the error page words it from this dictionary.
 */
import type { Lang } from './i18n';

export const FILTER_ERROR_KINDS = [
	'tooLong',
	'notInteger',
	'notOneOf',
	'unknownOrganization',
	'notMonthRange',
	'notPeriod',
	'quarterAndMonths',
	'notFlag',
	'tooManyEntries',
	'notSeconds',
	'unknownTheme',
	'notDate',
	'notEarlierPeriod'
] as const;
export type FilterErrorKind = (typeof FILTER_ERROR_KINDS)[number];
export type ErrorValues = Record<string, string | number>;

const FILTER_ERROR_TEXT: Record<Lang, Record<FilterErrorKind, string>> = {
	zh: {
		tooLong: '超过 {max} 个字符',
		notInteger: '“{value}”不是 {min} 到 {max} 之间的整数',
		notOneOf: '“{value}”不是可选值之一（{allowed}）',
		unknownOrganization: '没有名为“{value}”的单位',
		notMonthRange: '“{value}”不是月份区间（例如 1-11）',
		notPeriod: '“{value}”不是报告期（例如 q2 或 m1-11）',
		quarterAndMonths: '季度和月份区间只能选一个',
		notFlag: '“{value}”不是 1 或 0',
		tooManyEntries: '超过 {max} 项',
		notSeconds: '“{value}”不是 1 到 {max} 之间的秒数（0 为关闭）',
		unknownTheme: '数据中没有主题“{value}”（幻灯片配色请用 scheme=dark 或 light）',
		notDate: '“{value}”不是日期（例如 2026-11-29）',
		notEarlierPeriod: '“{value}”不是本年中早于所选报告期、且有数据的报告期'
	},
	en: {
		tooLong: 'longer than {max} characters',
		notInteger: '"{value}" is not a whole number from {min} to {max}',
		notOneOf: '"{value}" is not one of {allowed}',
		unknownOrganization: 'no organization "{value}"',
		notMonthRange: '"{value}" is not a month range such as 1-11',
		notPeriod: '"{value}" is not a period such as q2 or m1-11',
		quarterAndMonths: 'give either quarter or months, not both',
		notFlag: '"{value}" is not 1 or 0',
		tooManyEntries: 'more than {max} entries',
		notSeconds: '"{value}" is not a number of seconds from 1 to {max} (0 for off)',
		unknownTheme: '"{value}" is not a theme (主题) of the data; the colour scheme is scheme=dark|light',
		notDate: '"{value}" is not a date such as 2026-11-29',
		notEarlierPeriod: '"{value}" is not a period of the same year with data before the selected one'
	}
};

const STATUS_TEXT: Record<
	Lang,
	Record<'badRequest' | 'forbidden' | 'notFound' | 'internal' | 'home' | 'reference' | 'login', string>
> = {
	zh: {
		badRequest: '网址参数有误',
		forbidden: '当前账号无权查看此页面或进行此操作',
		login: '用其他账号登录',
		notFound: '找不到这个页面',
		internal: '服务器出错了，请稍后再试；如需报告问题，请提供下面的编号。',
		home: '返回总览',
		reference: '编号'
	},
	en: {
		badRequest: 'A parameter of the address is wrong',
		forbidden: 'Your account may not see this page or do this',
		login: 'Sign in with another account',
		notFound: 'This page does not exist',
		internal:
			'Something went wrong on the server; please try again later, and quote the reference below if you report it.',
		home: 'Back to the overview',
		reference: 'Reference'
	}
};

/** A filter error's text in one language, naming the parameter: `year: "24" is not a whole number…`. */
export function filterErrorText(lang: Lang, param: string, kind: FilterErrorKind, values: ErrorValues): string {
	const template = FILTER_ERROR_TEXT[lang][kind];
	return `${param}: ${template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all))}`;
}

/** The headline and help texts of the error page. */
export function errorPageText(lang: Lang) {
	return STATUS_TEXT[lang];
}

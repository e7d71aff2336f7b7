/**
 * The printed handout's words (`/report`, its PDF), Chinese and English. Kept apart from the app's dictionary
 * (src/lib/i18n) because that one ships to every page and the overview's script is at its size budget; the
 * handout is rendered on the server and sends no script. Same rule: a key missing in one language is a type error.
 */
import type { Lang } from '../i18n';

const zh = {
	reportTitle: '重点任务推进情况汇报',
	reportFileName: '汇报材料',
	reportScope: '范围',
	reportPeriod: '时段',
	reportMade: '生成日期',
	reportPrint: '打印',
	reportDownloadPdf: '下载 PDF',
	reportPrintHint: '打印时请选择 A4 纸张；页码与范围由“下载 PDF”生成的文件带出。',
	reportContents: '各类任务',
	reportCategoryTasks: '{n} 项任务',
	reportListed: '本材料列出 {shown} 项任务，共 {total} 项；其余请在任务表中查看。',
	reportNoListedTasks: '本类任务未在本材料中列出，请在任务表中查看。',
	reportColumnSeq: '序号',
	reportColumnTask: '任务',
	reportColumnOrganization: '单位',
	reportColumnOwner: '责任单位',
	reportColumnStatus: '状态',
	reportColumnGap: '与序时进度差（百分点）',
	reportFooterPage: '第 {page} 页 / 共 {pages} 页',
	reportNoData: '所选范围和时段没有数据，无法生成汇报材料。',
	pdfUnavailable: '服务器未安装 Chromium，无法生成 PDF。请使用浏览器的“打印”，选择“另存为 PDF”。',
	pdfFailed: '生成 PDF 失败（{reason}），请稍后重试，或使用浏览器的“打印”。',
	pdfBusy: '正在生成的 PDF 较多，请半分钟后再试，或使用浏览器的“打印”。',
	pdfBack: '返回汇报材料'
};

const en: Record<keyof typeof zh, string> = {
	reportTitle: 'Progress on key tasks: handout',
	reportFileName: 'handout',
	reportScope: 'Scope',
	reportPeriod: 'Period',
	reportMade: 'Made on',
	reportPrint: 'Print',
	reportDownloadPdf: 'Download PDF',
	reportPrintHint: 'Print on A4 paper; the PDF from “Download PDF” carries page numbers and the scope in its footer.',
	reportContents: 'Tasks by category',
	reportCategoryTasks: '{n} tasks',
	reportListed: 'This handout lists {shown} of {total} tasks; the task table has the rest.',
	reportNoListedTasks: 'This category’s tasks are not listed in this handout; see the task table.',
	reportColumnSeq: 'No.',
	reportColumnTask: 'Task',
	reportColumnOrganization: 'Organization',
	reportColumnOwner: 'Owner',
	reportColumnStatus: 'Status',
	reportColumnGap: 'Gap to schedule (points)',
	reportFooterPage: 'Page {page} of {pages}',
	reportNoData: 'The selected scope and period have no data, so there is no handout to make.',
	pdfUnavailable:
		'Chromium is not installed on the server, so it cannot make a PDF. Use the browser’s Print and choose “Save as PDF”.',
	pdfFailed: 'The PDF could not be made ({reason}). Try again later, or use the browser’s Print.',
	pdfBusy: 'Many PDFs are being made. Try again in half a minute, or use the browser’s Print.',
	pdfBack: 'Back to the handout'
};

export type ReportMessageKey = keyof typeof zh;

export const reportMessages: Record<Lang, Record<ReportMessageKey, string>> = { zh, en };

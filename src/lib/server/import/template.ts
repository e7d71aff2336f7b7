/**
 * The Excel template an office fills in (npm run import -- --template xlsx). Its first sheet is
 * what the importer reads: a title, 发布机构 / 报告期 / 发布日期 rows, then the canonical header —
 * found by the same synonyms as any report — and empty rows to fill. The second sheet explains
 * each column, the status words a 状态 cell may hold (taken from the importer's own vocabulary,
 * so the explanation cannot drift from what is accepted) and how periods are written.
 */
import type ExcelJS from 'exceljs';
import { STATUS_LABEL, STATUSES } from '../../domain/status';
import { statusWordsByStatus } from './infer-status';

/** The canonical columns, in order. */
export const TEMPLATE_COLUMNS = [
	'任务类别',
	'序号',
	'具体任务',
	'主要内容',
	'责任单位',
	'分管领导',
	'节点目标',
	'完成情况',
	'状态',
	'完成值',
	'说明'
] as const;

export const TEMPLATE_SHEET = '重点任务';
export const TEMPLATE_HELP_SHEET = '填写说明';
/** Where things are on the first sheet (1-based rows). */
export const TEMPLATE_LAYOUT = {
	titleRow: 1,
	publisherRow: 2,
	periodRow: 3,
	publishedOnRow: 4,
	headerRow: 6,
	firstTaskRow: 7
} as const;
/** Rows below the header prepared with the 状态 drop-down and number formats. */
const PREPARED_ROWS = 300;

/** The placeholder title names no year or period, so a template filled in without its title is refused rather than misdated. */
const TITLE_PLACEHOLDER = '（单位全称）（年份）年《政府工作报告》（报告期）重点任务执行情况';

const COLUMN_HELP: Record<(typeof TEMPLATE_COLUMNS)[number], [meaning: string, rule: string, width: number]> = {
	任务类别: [
		'报告中的任务分组（如“坚持引育并举，增强经济发展支撑力”）',
		'可把一个类别合并单元格跨在它的各项任务上，也可每行重复填写；没有分组可留空',
		26
	],
	序号: ['任务的编号', '可留空；同一序号下多出的一行（如子目标“新增学位810个”）会并入该任务', 6],
	具体任务: ['任务名称', '必填（或填写主要内容）；同一计划的任务以名称对应到上一期', 24],
	主要内容: ['全年计划要做的事，含数量目标（如“实施5个以上数字化改造项目”）', '目标数字会被识别为任务目标', 40],
	责任单位: ['牵头或责任单位，多个单位时第一个为牵头单位', '可留空', 14],
	分管领导: ['分管或牵头领导', '可留空', 10],
	节点目标: ['本报告期应达到的目标', '可留空', 24],
	完成情况: ['本报告期的进展情况文字', '状态留空时，按这段文字推断状态', 48],
	状态: ['本报告期的状态', '从下拉列表中选，或填写下表中的任一词语；留空则按完成情况推断', 10],
	完成值: ['到本报告期末，第一个数量目标已完成的数', '只填数字（如 3、1234.5），不要加单位', 10],
	说明: ['存在问题、困难、下一步打算等', '可留空', 30]
};

const PERIOD_HELP: [string, string][] = [
	['一季度 / 第一季度', '1–3月'],
	['二季度 / 第二季度 / 上半年 / 半年度', '1–6月（上半年与二季度是同一报告期）'],
	['三季度 / 第三季度 / 前三季度', '1–9月'],
	['四季度 / 全年 / 年度', '全年'],
	['1-10月、1-11月 等', '按月累计的报告期'],
	['2024年第二季度', '报告期一栏的完整写法：年份 + 报告期']
];

const NOTES: string[] = [
	'标题请改为本单位的完整标题，含单位全称、年份和报告期，例如：杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况。',
	'“报告期”一栏填写年份和报告期（如 2024年第二季度）；标题已写明时可留空，两处不一致时以标题为准。',
	'表头一行必须保留，列名不要改动；不需要的列可以整列删除，列的顺序可以调整。',
	'同一张表填报多个报告期时，把“完成情况”列复制为“1-10月完成情况”“1-11月完成情况”等；“状态”“说明”“完成值”也可加上报告期（如“1-10月状态”），不加报告期的列属于最近一期。',
	'单元格内可以换行；数字请按数字填写，日期请按日期填写。',
	'导入前可以预览：npm run import -- --dry-run 文件名.xlsx'
];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
	top: { style: 'thin' },
	left: { style: 'thin' },
	bottom: { style: 'thin' },
	right: { style: 'thin' }
};

/** The template as .xlsx bytes. */
export async function buildTemplate(): Promise<Uint8Array> {
	// Loaded on first use, as in the reader: most CLI runs write no workbook.
	const { Workbook } = (await import('exceljs')).default;
	const workbook = new Workbook();
	workbook.creator = 'jindu';
	addTaskSheet(workbook);
	addHelpSheet(workbook);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addTaskSheet(workbook: ExcelJS.Workbook): void {
	const sheet = workbook.addWorksheet(TEMPLATE_SHEET, {
		views: [{ state: 'frozen', ySplit: TEMPLATE_LAYOUT.headerRow }]
	});
	const last = TEMPLATE_COLUMNS.length;
	sheet.columns = TEMPLATE_COLUMNS.map((name) => ({ width: COLUMN_HELP[name][2] }));

	const { titleRow, publisherRow, periodRow, publishedOnRow, headerRow, firstTaskRow } = TEMPLATE_LAYOUT;
	sheet.mergeCells(titleRow, 1, titleRow, last);
	const title = sheet.getCell(titleRow, 1);
	title.value = TITLE_PLACEHOLDER;
	title.font = { bold: true, size: 14 };
	title.alignment = { horizontal: 'center', vertical: 'middle' };
	sheet.getRow(titleRow).height = 28;

	const labelled: [row: number, label: string, note: string][] = [
		[publisherRow, '发布机构', '填写单位名称，如：新街街道'],
		[periodRow, '报告期', '填写年份和报告期，如：2024年第二季度、2024年1-11月'],
		[publishedOnRow, '发布日期', '填写日期，如：2024-07-08；同一报告期导入多次时，以发布日期最晚的为准']
	];
	for (const [row, label, note] of labelled) {
		sheet.getCell(row, 1).value = label;
		sheet.getCell(row, 1).font = { bold: true };
		sheet.mergeCells(row, 2, row, 3);
		sheet.getCell(row, 2).note = note;
	}
	sheet.getCell(publishedOnRow, 2).numFmt = 'yyyy-mm-dd';

	const header = sheet.getRow(headerRow);
	TEMPLATE_COLUMNS.forEach((name, i) => {
		const cell = header.getCell(i + 1);
		cell.value = name;
		cell.font = { bold: true };
		cell.fill = HEADER_FILL;
		cell.border = THIN;
		cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		cell.note = `${COLUMN_HELP[name][0]}。${COLUMN_HELP[name][1]}。`;
	});

	const statusAt = TEMPLATE_COLUMNS.indexOf('状态') + 1;
	const actualAt = TEMPLATE_COLUMNS.indexOf('完成值') + 1;
	const choices = STATUSES.filter((s) => s !== 'unknown').map((s) => STATUS_LABEL.zh[s]);
	for (let r = firstTaskRow; r < firstTaskRow + PREPARED_ROWS; r++) {
		const row = sheet.getRow(r);
		row.alignment = { vertical: 'top', wrapText: true };
		row.getCell(statusAt).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: [`"${choices.join(',')}"`],
			showErrorMessage: false
		};
		row.getCell(actualAt).numFmt = '0.##';
	}
}

function addHelpSheet(workbook: ExcelJS.Workbook): void {
	const sheet = workbook.addWorksheet(TEMPLATE_HELP_SHEET);
	sheet.columns = [{ width: 22 }, { width: 60 }, { width: 60 }];
	const heading = (text: string) => {
		const row = sheet.addRow([text]);
		row.font = { bold: true, size: 12 };
	};
	const tableHeader = (cells: string[]) => {
		const row = sheet.addRow(cells);
		row.eachCell((cell) => {
			cell.font = { bold: true };
			cell.fill = HEADER_FILL;
		});
	};
	const wrap = (cells: string[]) => {
		sheet.addRow(cells).alignment = { vertical: 'top', wrapText: true };
	};

	heading(`如何填写“${TEMPLATE_SHEET}”工作表`);
	for (const note of NOTES) wrap(['', note]);
	sheet.addRow([]);

	heading('各列的含义');
	tableHeader(['列', '含义', '填写要求']);
	for (const name of TEMPLATE_COLUMNS) wrap([name, COLUMN_HELP[name][0], COLUMN_HELP[name][1]]);
	sheet.addRow([]);

	heading('“状态”一栏可填写的词');
	tableHeader(['状态', '可填写的词（任选其一）', '说明']);
	const words = statusWordsByStatus();
	for (const status of STATUSES) {
		const note =
			status === 'unknown'
				? '导入后显示为“无法判断”，不计入完成或滞后'
				: status === 'completed'
					? '“基本完成”在全年报告中也算已完成'
					: '';
		wrap([STATUS_LABEL.zh[status], words[status].join('、'), note]);
	}
	wrap(['（留空）', '', '按“完成情况”的文字推断状态，并标明是推断的']);
	sheet.addRow([]);

	heading('报告期的写法');
	tableHeader(['写法', '含义', '']);
	for (const [written, meaning] of PERIOD_HELP) wrap([written, meaning, '']);
}

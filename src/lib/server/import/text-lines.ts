/**
 * What the two layouts of page text share (text-reader.ts reads `|`-separated rows, text-cells.ts
 * one cell per line): the header found, where the table ends, and the warnings for a cut-off page.
 */
import type { Column, HeaderMap } from './columns';
import { quote, rowLabel, type RawRow } from './table';
import type { ImportWarning } from './types';

export type Separator = '|' | '\t';

export type Header =
	/** One cell per line; `blocks`: cells are separated by blank lines and may span several lines. */
	| { layout: 'cells'; map: HeaderMap; firstLine: number; bodyStart: number; blocks: boolean }
	/** One row per line; `closed`: the header line ends with a separator, so every whole row does. */
	| { layout: 'separated'; map: HeaderMap; firstLine: number; separator: Separator; opened: boolean; closed: boolean };

export type CellsHeader = Extract<Header, { layout: 'cells' }>;

/** Page chrome that follows the table on government sites; it ends the table. */
export const CHROME =
	/^(?:扫一扫|分享(?:[:：]|$)|【(?:打印|关闭|字体)|打印本页|关闭窗口|相关(?:链接|文章|阅读|附件|信息)|上一篇|下一篇|主办单位|承办单位|版权所有|copyright|政府网站标识码|网站标识码|技术支持|联系我们|网站地图)/i;

export interface Body {
	rows: RawRow[];
	warnings: ImportWarning[];
}

export function lastNonEmpty(lines: readonly string[], end: number): number {
	for (let j = end - 1; j >= 0; j--) if (lines[j].trim() !== '') return j;
	return -1;
}

export function nextNonEmpty(lines: readonly string[], from: number): number {
	for (let j = from; j < lines.length; j++) if (lines[j].trim() !== '') return j;
	return -1;
}

/** The 1-based number of the last non-empty line at or after `from`: where a cut-off page stops. */
export function lastLineOf(lines: readonly string[], from: number): number {
	return Math.max(lastNonEmpty(lines, lines.length), from) + 1;
}

export function truncation(line: number, row: RawRow, columns: readonly Column[]): ImportWarning {
	return { line, message: `文档在此行中断（截断），第${row.line}行起的任务不完整，未导入：${rowLabel(row, columns)}` };
}

export function truncationOfLine(line: number, text: string): ImportWarning {
	return { line, message: `文档在此行中断（截断），该行不完整，未导入：${quote(text)}` };
}

import type { TableReading } from './table';
export function readWideText(_text: string): TableReading | null {
	return null;
}

/**
 * For tests of the CSV export: the records of a CSV text, read independently of the importer's
 * CSV reader, so an export bug and a reader bug cannot cancel out.
 */

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks; records end in CRLF). */
export function csvRecords(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			record.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			field = '';
			record = [];
			i++;
		} else field += c;
	}
	if (field || record.length) records.push([...record, field]);
	return records;
}

import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES, MAX_UPLOAD_TOTAL_BYTES } from './upload-limits';

describe('checkUpload', () => {
	it.each([
		['nothing chosen', [], ['none']],
		['a report page', [{ name: '新街.html', size: 10_000 }], []],
		['upper-case ending', [{ name: 'REPORT.XLSX', size: 10 }], []],
		['a script', [{ name: 'x.svg', size: 10 }], ['type']],
		['no ending', [{ name: 'report', size: 10 }], ['type']],
		['too big', [{ name: 'a.csv', size: MAX_UPLOAD_FILE_BYTES + 1 }], ['size']],
		['just fits', [{ name: 'a.csv', size: MAX_UPLOAD_FILE_BYTES }], []],
		[
			'one of two bad',
			[
				{ name: 'a.txt', size: 1 },
				{ name: 'b.exe', size: 1 }
			],
			['type']
		],
		[
			'too much together',
			Array.from({ length: Math.ceil(MAX_UPLOAD_TOTAL_BYTES / MAX_UPLOAD_FILE_BYTES) + 1 }, (_, i) => ({
				name: `${i}.txt`,
				size: MAX_UPLOAD_FILE_BYTES
			})),
			['total']
		],
		['too many', Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ name: `${i}.txt`, size: 1 })), ['count']]
	])('%s', (_, files, kinds) => {
		expect(checkUpload(files).map((issue) => issue.kind)).toEqual(kinds);
	});
});

import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-view';

describe('auditChanges', () => {
	it.each([
		[
			'a re-scope shows only the grants',
			'{"name":"li","disabled":false,"grants":[{"role":"editor","organization":"新街街道"}]}',
			'{"name":"li","disabled":false,"grants":[{"role":"viewer","organization":"城厢街道"}]}',
			[
				{
					field: 'grants',
					before: '[{"role":"editor","organization":"新街街道"}]',
					after: '[{"role":"viewer","organization":"城厢街道"}]'
				}
			]
		],
		[
			'an addition shows every field as after',
			null,
			'{"name":"li","displayName":null}',
			[
				{ field: 'name', before: null, after: 'li' },
				{ field: 'displayName', before: null, after: 'null' }
			]
		],
		[
			'a status change',
			'{"status":"unknown"}',
			'{"status":"on_track"}',
			[{ field: 'status', before: 'unknown', after: 'on_track' }]
		],
		[
			'text that is not JSON is shown as it is',
			null,
			'plain words',
			[{ field: 'value', before: null, after: 'plain words' }]
		],
		['nothing changed', '{"a":1}', '{"a":1}', []]
	])('%s', (_, before, after, expected) => {
		expect(auditChanges(before, after)).toEqual(expected);
	});
});

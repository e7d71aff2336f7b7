import { describe, expect, it } from 'vitest';
import { isHttpsRequest } from './https';

const http = new URL('http://10.0.0.5:3000/lang');
const https = new URL('https://10.0.0.5:3000/lang');
const plainSocket = { req: { socket: {} } };
const tlsSocket = { req: { socket: { encrypted: true } } };

describe('isHttpsRequest', () => {
	it.each([
		// adapter-node without ORIGIN / PROTOCOL_HEADER says https for every request: not believed
		['guessed https, plain socket', https, plainSocket, false, false],
		['guessed https, no platform', https, undefined, false, false],
		['configured https (ORIGIN or a proxy header)', https, plainSocket, true, true],
		['configured http', http, plainSocket, true, false],
		['a TLS socket', http, tlsSocket, false, true]
	])('%s', (_, url, platform, configured, expected) => {
		expect(isHttpsRequest(url, platform, configured)).toBe(expected);
	});
});

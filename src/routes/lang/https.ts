import type { IncomingMessage } from 'node:http';

/**
 * Whether the browser reached the server over https, so that a cookie may be `Secure` (a browser
 * drops a Secure cookie sent over plain HTTP). adapter-node takes every request to be https unless
 * ORIGIN or PROTOCOL_HEADER say otherwise, so its URL's scheme is believed only when one of them
 * is configured (or in dev, where the URL is the real one); else only a TLS socket counts.
 */
export function isHttpsRequest(url: URL, platform: unknown, schemeIsConfigured: boolean): boolean {
	const socket = (platform as { req?: IncomingMessage } | undefined)?.req?.socket as
		| { encrypted?: boolean }
		| undefined;
	if (socket?.encrypted) return true;
	return schemeIsConfigured && url.protocol === 'https:';
}

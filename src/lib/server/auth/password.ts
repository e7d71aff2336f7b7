/**
 * Passwords: scrypt (node:crypto) with a random salt per account, its parameters stored with the hash
 * (`scrypt$N$r$p$salt$hash`, base64url), so they can be raised later without locking anyone out.
 * Compared in constant time; an unknown name is checked against a dummy hash, so how long a login
 * takes does not tell whether the account exists.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1: OWASP's minimum for scrypt; ~50 ms and 32 MiB per hash. */
const N = 32768;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Upper bounds on what a stored hash may ask for, so a tampered row cannot make a login eat the server. */
const MAX_N = 1 << 20;
const MAX_PASSWORD_LENGTH = 1024;

export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		// maxmem: N·r·128 bytes is what scrypt needs; the default 32 MiB is exactly N=2^15's, leaving no room.
		const maxmem = 256 * (options.N ?? N) * (options.r ?? R) + 1024 * 1024;
		scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

/**
 * Why a new password is refused, or null when it is acceptable. Length counts characters (a Chinese
 * passphrase of ten characters is as good as ten letters); an upper bound keeps one hash cheap.
 */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
	const length = [...password].length;
	if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
	if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
	return null;
}

/** The stored form of a password: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, { N, r: R, p: P });
	return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface Parsed {
	options: ScryptOptions;
	salt: Buffer;
	key: Buffer;
}

function parseHash(stored: string): Parsed | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [n, r, p] = parts.slice(1, 4).map(Number);
	const valid = (x: number, max: number) => Number.isInteger(x) && x >= 1 && x <= max;
	if (!valid(n, MAX_N) || (n & (n - 1)) !== 0 || !valid(r, 32) || !valid(p, 16)) return null;
	const salt = Buffer.from(parts[4], 'base64url');
	const key = Buffer.from(parts[5], 'base64url');
	if (salt.length === 0 || key.length === 0) return null;
	return { options: { N: n, r, p }, salt, key };
}

/** Whether the password matches the stored hash; false for a malformed hash (never an exception). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed || password.length > MAX_PASSWORD_LENGTH * 4) return false;
	const key = await derive(password, parsed.salt, parsed.options);
	return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time a real check takes, for a name with no account (or no local password), and
 * answers false: the login then costs the same whether or not the account exists.
 */
export async function verifyNobody(password: string): Promise<false> {
	dummy ??= hashPassword(randomBytes(18).toString('base64url'));
	await verifyPassword(password, await dummy);
	return false;
}

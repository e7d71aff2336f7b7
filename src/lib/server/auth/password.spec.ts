import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyNobody, verifyPassword } from './password';

describe('password hashes', () => {
	it('stores the parameters and a fresh salt, and verifies only the right password', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(await verifyPassword('', a)).toBe(false);
	});
	it('reads hashes made with other parameters (so they can be raised later)', async () => {
		const stored = await hashPassword('密码足够长的一句话啊');
		const [, , , , salt] = stored.split('$');
		const { scryptSync } = await import('node:crypto');
		const key = scryptSync('密码足够长的一句话啊', Buffer.from(salt, 'base64url'), 32, { N: 1024, r: 4, p: 2 });
		const weaker = `scrypt$1024$4$2$${salt}$${key.toString('base64url')}`;
		expect(await verifyPassword('密码足够长的一句话啊', weaker)).toBe(true);
	});
	it.each([
		['not a hash', 'plain'],
		['another scheme', 'bcrypt$1$2$3$4$5'],
		['N not a power of two', 'scrypt$1000$8$1$c2FsdA$a2V5'],
		['N beyond the bound', `scrypt$${2 ** 24}$8$1$c2FsdA$a2V5`],
		['empty salt', 'scrypt$1024$8$1$$a2V5']
	])('answers false, not an exception, for a malformed hash: %s', async (_, stored) => {
		expect(await verifyPassword('whatever it is', stored)).toBe(false);
	});
	it('checks an unknown account against a dummy hash and says no', async () => {
		expect(await verifyNobody('correct horse battery')).toBe(false);
	});
});

describe('passwordProblem', () => {
	it.each([
		['short', 'tooShort'],
		['123456789', 'tooShort'],
		['1234567890', null],
		['十个汉字组成的一句口令', null],
		['九个汉字组成的口令', 'tooShort'],
		['x'.repeat(1025), 'tooLong']
	])('%s → %s', (password, expected) => {
		expect(passwordProblem(password)).toBe(expected);
	});
});

/**
 * Accounts as people make and use them: `npm run user` from the shell against a test server's database,
 * and the login form.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { hydrated } from './open';

export const PASSWORD = 'a long enough password';

/** `npm run user -- --db FILE …` with the password piped in, as an operator runs it. */
export function user(database: string, ...args: string[]): string {
	return execFileSync(process.execPath, ['scripts/cli.js', 'user', '--db', database, ...args, '--password-stdin'], {
		input: `${PASSWORD}\n`,
		encoding: 'utf8'
	});
}

/** Fills and sends the login form the page shows, once it is interactive (hydration would reset typed text). */
export async function logIn(page: Page, name: string, password = PASSWORD) {
	await hydrated(page);
	await page.getByLabel('账号').fill(name);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
}

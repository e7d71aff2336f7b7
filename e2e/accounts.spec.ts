/**
 * Accounts as two people use them: the first admin is made from the shell (`npm run user`) against the
 * test server's database, signs in through the form, adds an editor for 新街街道 and signs out; the
 * editor signs in and may not manage accounts. Then a cross-site POST, and a server with
 * JINDU_READ=login (playwright.config.ts, E2E_PORT+3) where a viewer reads only their street.
 */
import { userInfo } from 'node:os';
import { expect, test } from '@playwright/test';
import { PASSWORD, logIn as signIn, user } from './accounts';
import { hydrated } from './open';

test.describe.configure({ mode: 'serial' });

test('the first admin, made from the shell, adds an editor for 新街街道; the editor signs in', async ({ page }) => {
	const database = process.env.E2E_DATABASE_PATH!;
	expect(user(database, 'add', 'xiaoshan-admin', '--role', 'admin', '--org', '萧山区')).toBe(
		'added xiaoshan-admin\tadmin@萧山区\n'
	);

	await page.goto('/');
	await page.getByRole('link', { name: '登录' }).click();
	await signIn(page, 'xiaoshan-admin', 'not the password');
	await expect(page.getByTestId('login-problem')).toHaveText('名称或密码不正确');
	await signIn(page, 'xiaoshan-admin');
	await expect(page.getByTestId('signed-in')).toHaveText('xiaoshan-admin');
	await expect(page).toHaveURL(/\/$/);

	await page.getByRole('link', { name: '账号管理' }).click();
	const add = page.locator('form.add');
	await add.getByLabel('账号').fill('xinjie-editor');
	await add.getByLabel('姓名').fill('新街编辑');
	await add.getByLabel('初始密码').fill(PASSWORD);
	await add.getByLabel('角色').selectOption('editor');
	await add.getByLabel('单位').selectOption({ label: '\u3000新街街道' });
	await add.getByRole('button', { name: '新增' }).click();
	await expect(page.getByTestId('account-done')).toHaveText('已新增账号 xinjie-editor');
	await expect(page.locator('tr[data-account="xinjie-editor"]')).toContainText('编辑 · 新街街道');

	await page.goto('/audit');
	// Newest first: the editor the admin added, then the admin the shell user added.
	const added = page.locator('tr[data-kind="account_add"]');
	await expect(added).toHaveCount(2);
	await expect(added.first()).toContainText('xinjie-editor');
	await expect(added.last()).toContainText(userInfo().username);
	// Only what changed: the account's grant, not two JSON blobs.
	await expect(added.first().locator('td.json').last()).toContainText(
		'grants: [{"role":"editor","organization":"新街街道"}]'
	);
	await expect(page.locator('tr[data-kind="login"]').first()).toContainText('xiaoshan-admin');

	await page.getByRole('button', { name: '退出' }).click();
	await expect(page.getByRole('link', { name: '登录' })).toBeVisible();

	await page.goto('/admin/users');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
	await signIn(page, 'xinjie-editor');
	await expect(page.getByTestId('error')).toContainText('当前账号无权查看此页面或进行此操作');
	await expect(page.getByTestId('signed-in')).toHaveText('新街编辑');
});

test('the login page, the refusals and the 403 page in English', async ({ page }) => {
	await page.goto('/lang?to=en&back=%2Flogin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await hydrated(page);
	await page.getByLabel('Account').fill('xinjie-editor');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByTestId('login-problem')).toHaveText('Wrong name or password');
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	const response = await page.goto('/audit');
	expect(response?.status()).toBe(403);
	await expect(page.getByTestId('error')).toContainText('Your account may not see this page or do this');
});

test('a cross-site form POST is refused by the origin check', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { origin: 'http://evil.example' },
		form: { name: 'xiaoshan-admin', password: PASSWORD }
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie']).toBeUndefined();
});

test('JINDU_READ=login: anonymous readers sign in first, and a viewer reads only their street', async ({ page }) => {
	const base = process.env.E2E_READ_LOGIN_URL!;
	user(process.env.E2E_READ_LOGIN_DATABASE_PATH!, 'add', 'xinjie-viewer', '--role', 'viewer', '--org', '新街街道');

	await page.goto(`${base}/tasks?year=2024`);
	await expect(page).toHaveURL(`${base}/login?next=%2Ftasks%3Fyear%3D2024`);
	await signIn(page, 'xinjie-viewer');
	await expect(page).toHaveURL(`${base}/tasks?year=2024`);
	await page.goto(`${base}/`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('新街街道');
	const response = await page.goto(`${base}/?org=萧山区`);
	expect(response?.status()).toBe(403);
	await expect(page.getByTestId('error')).toContainText('当前账号无权查看此页面或进行此操作');
});

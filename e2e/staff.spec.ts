import { expect, test, type Page } from '@playwright/test';
import { open } from './open';
import { e2eDatabase, signIn } from './sign-in';
import { PASSWORD, logIn, user } from './accounts';

const FORM = 'src/lib/server/import/fixtures/xinjie-2024-q2.html';
const OVERVIEW = '/?org=新街街道&year=2024&quarter=2';
const TASKS = '/tasks?org=新街街道&year=2024&quarter=2';

const kpi = async (page: Page, key: string) =>
	Number(await page.locator(`[data-kpi="${key}"]`).getByTestId('kpi-count').textContent());

/** A current update of a task of 新街街道 (or of any other organization), read from the database. */
function currentUpdate(ofXinjie: boolean): { taskId: number; updateId: number } {
	const db = e2eDatabase();
	try {
		return db
			.prepare(
				`select t.id as taskId, u.id as updateId from updates u join tasks t on t.id = u.task_id
				 join plans p on p.id = t.plan_id join organizations o on o.id = p.organization_id
				 where u.superseded_at is null and (o.name = '新街街道') = ? limit 1`
			)
			.get(ofXinjie ? 1 : 0) as { taskId: number; updateId: number };
	} finally {
		db.close();
	}
}

test.describe('staff workflow', () => {
	test('the whole flow as people do it: an admin adds an editor and a viewer, the editor imports and corrects, the viewer sees who, the audit lists it', async ({
		browser
	}) => {
		// The first admin comes from the shell; everything after goes through the pages.
		user(process.env.E2E_DATABASE_PATH!, 'add', 'flow-admin', '--role', 'admin', '--org', '萧山区');
		const adminContext = await browser.newContext();
		const admin = await adminContext.newPage();
		await open(admin, '/login');
		await logIn(admin, 'flow-admin');
		await expect(admin.getByTestId('signed-in')).toHaveText('flow-admin');
		for (const [name, role] of [
			['flow-editor', 'editor'],
			['flow-viewer', 'viewer']
		] as const) {
			await open(admin, '/admin/users');
			const add = admin.locator('form.add');
			await add.getByLabel('账号').fill(name);
			await add.getByLabel('初始密码').fill(PASSWORD);
			await add.getByLabel('角色').selectOption(role);
			await add.getByLabel('单位').selectOption({ label: '\u3000新街街道' });
			await add.getByRole('button', { name: '新增' }).click();
			await expect(admin.getByTestId('account-done')).toHaveText(`已新增账号 ${name}`);
		}

		const editorContext = await browser.newContext();
		const page = await editorContext.newPage();
		await open(page, '/import');
		await expect(page).toHaveURL(/\/login\?next=%2Fimport$/);
		await logIn(page, 'flow-editor');
		await expect(page).toHaveURL(/\/import$/);
		await page.getByTestId('upload-files').setInputFiles(FORM);
		await page.getByTestId('upload-submit').click();
		await page.waitForURL(/\/import\/[\w-]+$/);
		const preview = page.getByTestId('file-preview');
		await expect(preview.getByTestId('preview-organization')).toHaveText('杭州市 › 萧山区 › 新街街道');
		await expect(preview.getByTestId('preview-task')).toHaveCount(12);
		await expect(preview.getByTestId('preview-period')).toContainText('2024');
		await page.getByTestId('confirm-import').click();
		await expect(page.getByTestId('import-result')).toContainText('12');
		await open(page, '/imports');
		await expect(page.getByTestId('import-row').first()).toContainText('flow-editor');

		await open(page, OVERVIEW);
		const behind = await kpi(page, 'behind');
		const unknown = await kpi(page, 'unknown');
		expect(unknown).toBeGreaterThan(0);

		await open(page, `${TASKS}&status=unknown`);
		await page.getByTestId('task-link').filter({ hasText: '深化系统治理体系' }).click();
		await expect(page.getByTestId('task-name')).toHaveText('深化系统治理体系');
		await page.getByTestId('confirm-status').selectOption('behind');
		await page.getByTestId('confirm-reason-input').fill('现场核实：进度滞后');
		await page.getByTestId('confirm-submit').click();
		await expect(page.getByTestId('confirm-result')).toHaveText('已改正。');
		const q2 = page.locator('[data-testid="period"][data-period-label="第二季度"]');
		await expect(q2.getByTestId('status-source')).toHaveText('已确认');
		await expect(q2.getByTestId('machine-reading')).toContainText('无法判断');

		await open(page, OVERVIEW);
		await expect(page.locator('[data-kpi="behind"]').getByTestId('kpi-count')).toHaveText(String(behind + 1));
		await expect(page.locator('[data-kpi="unknown"]').getByTestId('kpi-count')).toHaveText(String(unknown - 1));
		// Needs attention now, its badge marked confirmed, saying by whom on hover.
		const corrected = page.getByTestId('attention').locator('li', { hasText: '深化系统治理体系' });
		await expect(corrected.locator('[data-source="confirmed"]')).toHaveAttribute('title', /flow-editor/);

		// The editor may not touch another organization: no form on its task, a 403 on a direct POST.
		const other = currentUpdate(false);
		await open(page, `/tasks/${other.taskId}`);
		await expect(page.getByTestId('status-confirm')).toHaveCount(0);
		const refused = await page.request.post(`/tasks/${other.taskId}?/confirm`, {
			form: { update: String(other.updateId), status: 'behind', reason: '越权' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(refused.status()).toBe(403);
		expect(currentUpdate(false)).toEqual(other);

		const viewerContext = await browser.newContext();
		const viewer = await viewerContext.newPage();
		await open(viewer, '/login');
		await logIn(viewer, 'flow-viewer');
		await open(viewer, `${TASKS}&q=深化系统治理体系`);
		await viewer.getByTestId('task-link').first().click();
		const seen = viewer.locator('[data-testid="period"][data-period-label="第二季度"]');
		await expect(seen.getByTestId('status-source')).toHaveText('已确认');
		await expect(seen.getByTestId('confirmed-by')).toContainText('flow-editor');
		await expect(seen.getByTestId('confirmed-by')).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d/);
		await expect(seen.getByTestId('confirm-reason')).toHaveText('现场核实：进度滞后');
		await expect(viewer.getByTestId('status-confirm')).toHaveCount(0);

		// The admin's audit trail holds all of it: the two accounts, the import and the correction.
		await open(admin, '/audit?person=flow-editor');
		await expect(admin.locator('tr[data-kind="import"]')).toHaveCount(1);
		await expect(admin.locator('tr[data-kind="status_correct"]')).toContainText('现场核实：进度滞后');
		await open(admin, '/audit?person=flow-admin&kind=account_add');
		await expect(admin.locator('tr[data-kind="account_add"]')).toHaveCount(2);
		for (const context of [viewerContext, editorContext, adminContext]) await context.close();
	});

	test('an editor confirms the selected inferred rows of /tasks in one go', async ({ browser, baseURL }) => {
		const context = await browser.newContext();
		await signIn(context, baseURL!, 'editor', '新街街道');
		const page = await context.newPage();
		await open(page, `${TASKS}&source=inferred`);
		const boxes = page.getByTestId('select-row');
		const before = await boxes.count();
		expect(before).toBeGreaterThan(2);
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await page.getByTestId('bulk-confirm').click();
		await expect(page.getByTestId('bulk-result')).toHaveText('已确认 2 项。');
		await open(page, `${TASKS}&source=inferred`);
		await expect(page.getByTestId('select-row')).toHaveCount(before - 2);
		await open(page, `${TASKS}&source=confirmed`);
		await expect(page.getByTestId('task-row').locator('[data-source="confirmed"]')).not.toHaveCount(0);
		await context.close();
	});

	test('the editor of 新街街道 cannot confirm another organization’s task, and a cross-site POST is refused', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext();
		await signIn(context, baseURL!, 'editor', '新街街道');
		const page = await context.newPage();
		const { taskId, updateId } = currentUpdate(false);
		await open(page, `/tasks/${taskId}`);
		await expect(page.getByTestId('task-name')).toBeVisible();
		await expect(page.getByTestId('status-confirm')).toHaveCount(0);

		const form = { update: String(updateId), status: 'behind', reason: '越权' };
		const sameSite = await page.request.post(`/tasks/${taskId}?/confirm`, { form, headers: { origin: baseURL! } });
		expect(sameSite.status()).toBe(403);
		expect(await sameSite.text()).not.toMatch(/Cross-site/i);
		// Its own organization's task, from another site: refused before the action runs, nothing written.
		const own = currentUpdate(true);
		const crossSite = await page.request.post(`/tasks/${own.taskId}?/confirm`, {
			form: { update: String(own.updateId), status: 'behind', reason: '跨站' },
			headers: { origin: 'http://evil.example' }
		});
		expect(crossSite.status()).toBe(403);
		expect(await crossSite.text()).toMatch(/Cross-site/i);
		expect(currentUpdate(true)).toEqual(own);
		await context.close();
	});
});

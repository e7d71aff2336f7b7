import { afterEach, describe, expect, it, vi } from 'vitest';
import { respondWithPdf } from './report-pdf';

const request = (query: string) => {
	const url = new URL(`http://test.local/report/pdf?${query}`);
	return [url, new Request(url)] as const;
};

describe('GET /report/pdf without a Chromium', () => {
	afterEach(() => vi.unstubAllEnvs());

	it.each([
		['zh', '服务器未安装 Chromium，无法生成 PDF', '返回汇报材料', 'zh-CN'],
		['en', 'Chromium is not installed on the server', 'Back to the handout', 'en']
	] as const)('answers 503 with a page in the reader’s language (%s)', async (lang, message, back, htmlLang) => {
		vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
		const response = await respondWithPdf(...request('org=新街街道&year=2024'), { lang });
		expect(response.status).toBe(503);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain(`<html lang="${htmlLang}">`);
		expect(html).toContain(message);
		// The way back keeps the filters.
		expect(html).toContain(`<a href="/report?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&amp;year=2024">${back}</a>`);
	});

	it('refuses a bad filter with 400 before looking for a browser', async () => {
		vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
		await expect(respondWithPdf(...request('quarter=5'), { lang: 'zh' })).rejects.toMatchObject({
			status: 400,
			body: { param: 'quarter' }
		});
	});
});

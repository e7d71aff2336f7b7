/**
 * The browser tests' city: the generated city preset (200 organizations, 5 years, ~100 000 updates)
 * served read-only beside the fresh test server (playwright.config.ts, scripts/serve-city.js).
 * Tests of what a leader sees at scale open pages here: `page.goto(city('/?org=…'))`.
 */
export function city(path: string): string {
	const base = process.env.E2E_CITY_URL;
	if (!base) throw new Error('E2E_CITY_URL is set by playwright.config.ts');
	return base + path;
}

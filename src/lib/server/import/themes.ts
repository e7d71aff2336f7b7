/**
 * Themes (主题) cut across every plan's own categories, so leadership can ask "how is 教育 doing"
 * across 街道, 区 and 市. They are assigned at import by keyword rules that an office can edit in
 * `data/themes.json` without touching code; a person can correct any task's themes afterwards.
 *
 * The JSON is imported (not read from disk at run time) so the same rules reach the built server,
 * vitest and the tsx CLI alike.
 */
import themesFile from '../../../../data/themes.json' with { type: 'json' };

export interface ThemeRule {
	name: string;
	nameEn: string;
	/** Words that put a task under this theme when they appear in its name or content. */
	keywords: string[];
}

export interface ThemeRules {
	themes: ThemeRule[];
	/** The theme given when no keyword matches, so no task drops out of the by-theme views. */
	fallback: { name: string; nameEn: string };
}

/** Checks a themes file's shape, naming the field at fault: the file is edited by hand. */
export function parseThemeRules(value: unknown): ThemeRules {
	const file = value as Partial<ThemeRules> | null;
	if (!file || !Array.isArray(file.themes)) throw new Error('data/themes.json: "themes" must be a list');
	const fallback = file.fallback;
	if (!fallback || typeof fallback.name !== 'string' || typeof fallback.nameEn !== 'string') {
		throw new Error('data/themes.json: "fallback" needs a name and a nameEn');
	}
	const names = new Set<string>();
	file.themes.forEach((theme: Partial<ThemeRule>, i) => {
		const where = `data/themes.json: themes[${i}]`;
		if (typeof theme?.name !== 'string' || theme.name.trim() === '') throw new Error(`${where}: "name" is missing`);
		if (typeof theme.nameEn !== 'string') throw new Error(`${where} (${theme.name}): "nameEn" is missing`);
		if (!Array.isArray(theme.keywords) || theme.keywords.some((k) => typeof k !== 'string' || k.trim() === '')) {
			throw new Error(`${where} (${theme.name}): "keywords" must be a list of non-empty words`);
		}
		if (names.has(theme.name)) throw new Error(`${where}: theme ${theme.name} is listed twice`);
		names.add(theme.name);
	});
	return { themes: file.themes as ThemeRule[], fallback };
}

/** The bundled rules from data/themes.json. */
export const THEME_RULES: ThemeRules = parseThemeRules(themesFile);

/**
 * The themes whose keywords appear in `text` (a task's name and content), in the order of the
 * rules; the fallback theme alone when none does.
 */
export function assignThemes(text: string, rules: ThemeRules = THEME_RULES): string[] {
	const matched = rules.themes.filter((theme) => theme.keywords.some((keyword) => text.includes(keyword)));
	return matched.length > 0 ? matched.map((theme) => theme.name) : [rules.fallback.name];
}

/** A theme's English name from the rules (the fallback's too); null for a theme they do not name. */
export function englishThemeName(name: string, rules: ThemeRules = THEME_RULES): string | null {
	if (name === rules.fallback.name) return rules.fallback.nameEn;
	return rules.themes.find((theme) => theme.name === name)?.nameEn ?? null;
}

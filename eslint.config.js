// Lint: the sv template's settings (typescript-eslint, eslint-plugin-svelte, prettier owns layout), plus the
// one structural rule this codebase depends on: browser code never reaches into $lib/server.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const serverOnly = {
	patterns: [
		{
			group: ['$lib/server', '$lib/server/*', '**/lib/server/*', '../server/*', '../../server/*'],
			message: 'Browser code must not import from $lib/server: move the shared shape to $lib/types or $lib/domain.'
		}
	]
};

export default ts.config(
	{
		ignores: [
			'build/',
			'dist/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'bench/data/',
			'bench/results/',
			'test-results/',
			'playwright-report/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names; the core rule does not know about types or Svelte's runes.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// The app is served at the root and every link is a query built by src/lib/filters.ts; resolve() would
			// only wrap the same string.
			'svelte/no-navigation-without-resolve': 'off',
			// URLSearchParams here are local builders of one link, never state a template reads.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Tests read ECharts options and JSON as loose objects.
		files: ['**/*.spec.ts', 'e2e/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		// Everything the browser loads: components, charts, the presentation, the domain and shared types, and
		// every route module that is not a server module.
		files: [
			'src/**/*.svelte',
			'src/lib/components/**',
			'src/lib/charts/**',
			'src/lib/present/**',
			'src/lib/domain/**',
			'src/lib/types/**',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts'
		],
		rules: { 'no-restricted-imports': ['error', serverOnly] }
	}
);

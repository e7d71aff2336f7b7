import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Type-check the CLI, the migrations, the benchmarks and the browser tests with the app.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push(
					'../scripts/**/*.ts',
					'../scripts/**/*.js',
					'../migrations/**/*.js',
					'../e2e/**/*.ts',
					'../bench/**/*.ts',
					'../playwright.config.ts'
				);
			}
		},
		// Inline scripts only come from Kit itself; everything else is same-origin (intranet, offline).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'img-src': ['self', 'data:'],
				'style-src': ['self', 'unsafe-inline'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;

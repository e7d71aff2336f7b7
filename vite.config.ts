import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: {
			output: {
				// ECharts as one chunk: left to itself, the bundler splits it in two around the modules the tooltip
				// (loaded after the first chart) shares, and two chunks gzip 4 KB worse than one. What loads on
				// demand (the tooltip, the heatmap) and the server's SVG renderer stay out of it.
				codeSplitting: {
					groups: [
						{
							name: 'echarts',
							test: /node_modules[\\/](zrender|echarts)[\\/](?!.*(component[\\/]tooltip|chart[\\/]heatmap|svg))/
						}
					]
				}
			}
		}
	},
	server: { fs: { allow: ['migrations', 'data'] } },
	ssr: { external: ['better-sqlite3'] },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});

// Serves the built app on the generated city database (scripts/e2e-city-db.js), for the browser tests
// that must see a leader's scale. Served read-only, so no test can change what the next one sees.
// @ts-check
import { CITY_DATABASE, ensureCityDatabase } from './e2e-city-db.js';
import { serverEnvironment } from './server-env.js';

ensureCityDatabase();
Object.assign(process.env, serverEnvironment(process.env), { DATABASE_PATH: CITY_DATABASE, JINDU_READONLY: '1' });
const entry = '../build/index.js';
await import(entry);

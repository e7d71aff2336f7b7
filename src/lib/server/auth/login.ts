/**
 * Signing in: the rate limit, the password check and the new session, in one function the login form
 * action calls (and tests call directly). Failures are counted in `login_attempts`; a refused attempt
 * (rate-limited) is logged but not counted, so the lock ends 15 minutes after the attempt that caused
 * it however often an attacker keeps knocking. Every attempt is logged, never the password.
 */
import type { Logger } from 'pino';
import type { DB } from '../db';
import * as accounts from '../queries/accounts';
import { recordAudit } from '../queries/audit';
import { createSession, endSession } from './session';
import { verifyNobody, verifyPassword } from './password';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures per account name, then per address, within the window before further tries are refused. */
export const MAX_FAILURES_PER_NAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface LoginRequest {
	name: string;
	password: string;
	address: string;
	/** The session cookie sent with the login, ended whatever the outcome of a success (no fixation). */
	previousToken: string | undefined;
	now?: Date;
}

export type LoginOutcome =
	| { kind: 'ok'; userId: number; name: string; token: string; expires: Date }
	| { kind: 'wrong' }
	| { kind: 'limited'; minutes: number };

/**
 * Minutes until fewer than `limit` failures remain in the window, or 0 when under the limit. `failures`
 * are ISO times, newest first: the limit-th newest leaves the window first.
 */
export function minutesUntilAllowed(failures: string[], limit: number, now: Date): number {
	if (failures.length < limit) return 0;
	const leaves = Date.parse(failures[limit - 1]) + LOGIN_WINDOW_MINUTES * 60_000;
	return Math.max(1, Math.ceil((leaves - now.getTime()) / 60_000));
}

async function lockedMinutes(db: DB, name: string, address: string, now: Date): Promise<number> {
	const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
	const [byName, byAddress] = await Promise.all([
		accounts.listRecentFailures(db, 'name', name, since),
		accounts.listRecentFailures(db, 'address', address, since)
	]);
	return Math.max(
		minutesUntilAllowed(byName, MAX_FAILURES_PER_NAME, now),
		minutesUntilAllowed(byAddress, MAX_FAILURES_PER_ADDRESS, now)
	);
}

/** Checks a name and password against the rate limit and the stored hash; a success ends the old session and starts a new one. */
export async function logIn(db: DB, log: Logger, request: LoginRequest): Promise<LoginOutcome> {
	const now = request.now ?? new Date();
	const { name, address } = request;
	const minutes = await lockedMinutes(db, name, address, now);
	if (minutes > 0) {
		log.warn({ name, address, minutes }, 'login refused: too many failures');
		return { kind: 'limited', minutes };
	}
	const account = await accounts.findLoginAccount(db, name);
	// The same scrypt work whether the account exists, is disabled or has no password here.
	const matches =
		account && account.passwordHash
			? await verifyPassword(request.password, account.passwordHash)
			: await verifyNobody(request.password);
	const succeeded = matches && account !== undefined && account.disabledAt === null;
	await accounts.recordLoginAttempt(db, { name, address, succeeded, at: now.toISOString() });
	if (!succeeded) {
		const why = !account ? 'no such account' : matches ? 'account disabled' : 'wrong password';
		log.info({ name, address, why }, 'login failed');
		return { kind: 'wrong' };
	}
	await endSession(db, request.previousToken);
	const { token, expires } = await createSession(db, account.id, now);
	// A login is not a write, but who signed in from where is what an admin looks for after a dispute.
	await recordAudit(db, {
		actor: account.name,
		actorUserId: account.id,
		kind: 'login',
		organizationId: await accounts.firstGrantOrganization(db, account.id),
		subject: account.name,
		after: { address }
	});
	log.info({ name, address }, 'login');
	return { kind: 'ok', userId: account.id, name: account.name, token, expires };
}

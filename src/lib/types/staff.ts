/** What the staff pages (web import, import history, confirming statuses) show: serialisable, shared with the browser. */
import type { Status, StatusSource } from '$lib/domain/status';
import type { StoredPeriod } from '$lib/domain/period';

export interface PreviewTask {
	name: string;
	status: Status;
	statusSource: StatusSource;
	/** The phrases that decided the status. */
	evidence: string[];
	statusText: string | null;
}

export interface PreviewConflict {
	taskId: number;
	taskName: string;
	confirmed: { status: Status; by: string | null; at: string; reason: string | null };
	reading: { status: Status; statusSource: StatusSource };
}

/** One uploaded file as its preview shows it: what the write would do, or why it cannot. */
export interface FilePreview {
	/** The waiting upload's random id (never its name). */
	id: string;
	fileName: string;
	format: string | null;
	title: string | null;
	/** Top down; empty when the page names none and none was picked. */
	organization: string[];
	/** Whether the organization came from the picker because the page names none. */
	picked: boolean;
	period: { year: number; label: string } | null;
	categories: { name: string | null; tasks: PreviewTask[] }[];
	warnings: { line: number | null; message: string }[];
	conflicts: PreviewConflict[];
	/** The CLI's own line for a file it cannot import (refused for its kind, or an error). */
	failure: { kind: string | null; message: string } | null;
	/** Whether this account may write it (an editor of the organization, or of the parent a new one goes under). */
	mayWrite: boolean;
}

/** One import in the history, with its period (named in the page's language by periodName). */
export interface ImportEntry extends StoredPeriod {
	sourceId: number;
	fileName: string | null;
	title: string | null;
	sha256: string;
	importedAt: string;
	importedBy: string | null;
	organization: string;
	/** Updates this document wrote that are current now. */
	currentCount: number;
	mayWithdraw: boolean;
}

/** A withdrawn import, as its audit row keeps it. */
export interface WithdrawalEntry {
	at: string;
	actor: string;
	subject: string;
	reason: string | null;
	organization: string | null;
}

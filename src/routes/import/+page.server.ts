import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { requireEditor } from '$lib/server/staff/access';
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES, UPLOAD_EXTENSIONS } from '$lib/server/import/upload-limits';
import { uploadFiles } from '$lib/server/staff/web-import';

export const load: PageServerLoad = ({ locals, url }) => {
	requireEditor(locals, url);
	return {
		limits: {
			files: MAX_UPLOAD_FILES,
			megabytes: MAX_UPLOAD_FILE_BYTES / 1024 / 1024,
			types: UPLOAD_EXTENSIONS.join(' ')
		}
	};
};

export const actions: Actions = {
	default: (event) => uploadFiles(getDb(), event)
};

package org.gonghui.platform;

import java.util.List;

/**
 * What a module tells a signed-in worker at the top of 我的 (the next counsellor appointment, say). Modules
 * contribute beans, as they do navigation items, so the member module that draws 我的 knows none of them.
 */
public interface WorkerNotices {

	/** Notices for the signed-in worker, already in the caller's language; empty for anyone else. */
	List<Notice> current();

	/** One line of text and where it leads. */
	record Notice(String id, String text, String href) {
	}
}

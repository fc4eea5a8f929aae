package org.gonghui.member.internal;

/**
 * Points where tests inject failures into a running import (a crash in the middle of a chunk, a
 * constraint violation in one row). No bean implements it in the application; the importer then does
 * nothing at these points.
 */
interface RosterImportHook {

	/** Inside the transaction of a chunk written in one go, just before it commits. */
	default void beforeChunkCommit(long importId, int chunkNumber) {
	}

	/** Inside the transaction of one row written on its own (after a chunk failed), just before it commits. */
	default void beforeRowCommit(long importId, int rowNumber) {
	}
}

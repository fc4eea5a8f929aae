package org.gonghui.platform;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The records of one module that the platform search finds, read by that module over its own tables; each module
 * declares one source bean, as it declares its navigation items and metrics, so the search index never reads another
 * module's tables.
 * <p>
 * {@link #forEachChangedSince} reports every record of the source's kinds written at or after an instant — with
 * {@link SearchDocument.Visibility#NONE} for those nobody may find any more — so an instance that did not make a write
 * still picks it up by polling. Records are never deleted in this platform (they are withdrawn, closed or left), so a
 * change is always a row with a newer {@code updated_at}.
 */
public interface SearchSource {

	Set<SearchKind> kinds();

	/** Every record someone may find (visibility PUBLIC or STAFF), streamed. */
	void forEachDocument(Consumer<SearchDocument> sink);

	/** Every record written at or after {@code since}, findable or not. */
	void forEachChangedSince(Instant since, Consumer<SearchDocument> sink);
}

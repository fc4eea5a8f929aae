package org.gonghui.honor;

import java.util.Collection;
import java.util.Map;

/**
 * Honorees marked public, as other modules may see them: an activity's invited expert who is a public honoree
 * (劳模工匠进校园, the Tsinghua camp's 高凤林) links to the showcase profile {@code /showcase/{id}}.
 */
public interface PublicHonorees {

	/**
	 * For each name, the id of the one public honoree who bears it. A name borne by two public honorees is left
	 * out (a link to the wrong person is worse than none), as is a name of nobody public.
	 */
	Map<String, Long> byName(Collection<String> names);
}

package org.gonghui.platform;

import org.gonghui.shared.OrgPath;

/** An organisation reduced to what scope checks need. */
public record OrgRef(long id, String name, OrgPath path) {
}

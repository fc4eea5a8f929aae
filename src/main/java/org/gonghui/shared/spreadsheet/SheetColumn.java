package org.gonghui.shared.spreadsheet;

import java.util.List;

/** A column a sheet may have: its header as the template writes it, other names people use, and whether rows need it. */
public interface SheetColumn {

	String header();

	List<String> aliases();

	boolean required();
}

package org.gonghui.activity;

/** Where a competition round sits: grassroots preliminaries held by units or sub-federations, then the district's semi-final and final. */
public enum RoundLevel {
	GRASSROOTS, SEMI_FINAL, FINAL
}

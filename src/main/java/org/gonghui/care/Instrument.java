package org.gonghui.care;

/** The self-assessment questionnaires Gonghui offers, both free to reproduce: PHQ-9 (depression) and GAD-7 (anxiety). */
public enum Instrument {
	PHQ9(9), GAD7(7);

	private final int items;

	Instrument(int items) {
		this.items = items;
	}

	public int items() {
		return items;
	}

	/** The highest total: every item answered 3 (几乎每天). */
	public int maxScore() {
		return items * 3;
	}
}

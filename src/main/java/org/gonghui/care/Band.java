package org.gonghui.care;

/** Severity bands as the instruments publish them (GAD-7 has no "moderately severe"). */
public enum Band {
	MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE
}

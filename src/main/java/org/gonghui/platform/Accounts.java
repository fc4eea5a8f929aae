package org.gonghui.platform;

/** Facts about accounts for other modules (a competition names its judges by username). */
public interface Accounts {

	/** Whether an enabled account with this username exists. */
	boolean exists(String username);
}

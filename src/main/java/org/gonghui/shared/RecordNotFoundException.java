package org.gonghui.shared;

/**
 * A record does not exist or lies outside the caller's data scope. Both answer 404 so that ids
 * outside the scope are not confirmed.
 */
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String type, Object id) {
		super(type + " " + id + " not found");
	}
}

package org.gonghui.platform;

import java.util.List;

/**
 * What a password may not contain for an account, besides its username: a module that knows more about
 * the holder (the member module knows a worker's phone and 身份证号) contributes a bean. Asked when the
 * holder changes their own password.
 */
public interface PersonalWords {

	List<String> of(String username);
}

package org.gonghui.honor.web;

import org.gonghui.shared.Surnames;
import org.springframework.stereotype.Component;

/**
 * What the portrait placeholder of a person without a photo shows, for templates
 * ({@code @honorPortraits.surname(name)}): the surname on one of a few colours chosen by the name.
 */
@Component("honorPortraits")
public class Portraits {

	/** As many as the {@code .portrait.tone-N} rules of app.css and the booklet's stylesheet. */
	static final int TONES = 6;

	public String surname(String name) {
		return Surnames.of(name);
	}

	public String tone(String name) {
		return "tone-" + Surnames.tone(name, TONES);
	}
}

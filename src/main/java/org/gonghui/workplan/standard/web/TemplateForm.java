package org.gonghui.workplan.standard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.workplan.standard.ItemRule;
import org.gonghui.workplan.standard.StarRule;
import org.gonghui.workplan.standard.internal.StandardService.ItemInput;
import org.gonghui.workplan.standard.internal.StandardService.SectionInput;
import org.gonghui.workplan.standard.internal.StandardService.TemplateInput;

/**
 * The checklist form: a fixed number of section rows, each with item rows; blank rows are left out. The service
 * numbers the sections and items it was given, so its problems are renumbered to the rows they came from before
 * they are shown next to their fields.
 */
public class TemplateForm {

	static final int SECTION_ROWS = 5;
	static final int ITEM_ROWS = 5;
	private static final Pattern ROW = Pattern.compile("^sections\\[(\\d+)](?:\\.items\\[(\\d+)])?(.*)$");

	private Long federationId;
	private String name;
	private Stars stars = new Stars();
	private List<Section> sections = new ArrayList<>();

	/** Where each section (and each item of it) sent to the service sits on the form. */
	private final List<Integer> sentSections = new ArrayList<>();
	private final List<List<Integer>> sentItems = new ArrayList<>();

	public TemplateForm() {
		for (int s = 0; s < SECTION_ROWS; s++) {
			sections.add(new Section());
		}
	}

	TemplateInput input() {
		sentSections.clear();
		sentItems.clear();
		List<SectionInput> given = new ArrayList<>();
		for (int s = 0; s < sections.size(); s++) {
			Section section = sections.get(s);
			if (section == null || section.blank()) {
				continue;
			}
			List<ItemInput> items = new ArrayList<>();
			List<Integer> rows = new ArrayList<>();
			for (int i = 0; i < section.items.size(); i++) {
				Item item = section.items.get(i);
				if (item != null && !item.blank()) {
					items.add(item.input());
					rows.add(i);
				}
			}
			given.add(new SectionInput(section.name, items));
			sentSections.add(s);
			sentItems.add(rows);
		}
		return new TemplateInput(federationId, name, stars.rule(), given);
	}

	/** The service's problems with the section and item numbers of the form's rows. */
	InvalidInputException onForm(InvalidInputException e) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldProblem p : e.problems()) {
			Matcher m = p.field() == null ? null : ROW.matcher(p.field());
			if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= sentSections.size()) {
				problems.add(p);
				continue;
			}
			int s = Integer.parseInt(m.group(1));
			StringBuilder field = new StringBuilder("sections[").append(sentSections.get(s)).append(']');
			if (m.group(2) != null) {
				int i = Integer.parseInt(m.group(2));
				List<Integer> rows = sentItems.get(s);
				field.append(".items[").append(i < rows.size() ? rows.get(i) : i).append(']');
			}
			problems.add(new FieldProblem(field.append(m.group(3)).toString(), p.code(), p.args()));
		}
		return new InvalidInputException(problems);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String orNull(String text) {
		return blank(text) ? null : text;
	}

	/** The lowest score of each star level; 90, 80, 70, 60, 50 to start from. */
	public static class Stars {
		private Integer five = 90;
		private Integer four = 80;
		private Integer three = 70;
		private Integer two = 60;
		private Integer one = 50;

		StarRule rule() {
			if (five == null || four == null || three == null || two == null || one == null) {
				return null;
			}
			return new StarRule(five, four, three, two, one);
		}

		public Integer getFive() {
			return five;
		}

		public void setFive(Integer five) {
			this.five = five;
		}

		public Integer getFour() {
			return four;
		}

		public void setFour(Integer four) {
			this.four = four;
		}

		public Integer getThree() {
			return three;
		}

		public void setThree(Integer three) {
			this.three = three;
		}

		public Integer getTwo() {
			return two;
		}

		public void setTwo(Integer two) {
			this.two = two;
		}

		public Integer getOne() {
			return one;
		}

		public void setOne(Integer one) {
			this.one = one;
		}
	}

	public static class Section {
		private String name;
		private List<Item> items = new ArrayList<>();

		public Section() {
			for (int i = 0; i < ITEM_ROWS; i++) {
				items.add(new Item());
			}
		}

		boolean blank() {
			return TemplateForm.blank(name) && items.stream().allMatch(i -> i == null || i.blank());
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public List<Item> getItems() {
			return items;
		}

		public void setItems(List<Item> items) {
			this.items = items;
		}
	}

	/** An item row: manual by default; a computed rule takes a metric (and a base metric for a share) and a threshold. */
	public static class Item {
		private String name;
		private Integer points;
		private String rule = ItemRule.MANUAL.name();
		private String metric;
		private String baseMetric;
		private Long threshold;

		boolean blank() {
			return TemplateForm.blank(name) && points == null && TemplateForm.blank(metric) && TemplateForm.blank(baseMetric) && threshold == null;
		}

		ItemInput input() {
			return new ItemInput(name, points, orNull(rule), orNull(metric), orNull(baseMetric), threshold);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Integer getPoints() {
			return points;
		}

		public void setPoints(Integer points) {
			this.points = points;
		}

		public String getRule() {
			return rule;
		}

		public void setRule(String rule) {
			this.rule = rule;
		}

		public String getMetric() {
			return metric;
		}

		public void setMetric(String metric) {
			this.metric = metric;
		}

		public String getBaseMetric() {
			return baseMetric;
		}

		public void setBaseMetric(String baseMetric) {
			this.baseMetric = baseMetric;
		}

		public Long getThreshold() {
			return threshold;
		}

		public void setThreshold(Long threshold) {
			this.threshold = threshold;
		}
	}

	public Long getFederationId() {
		return federationId;
	}

	public void setFederationId(Long federationId) {
		this.federationId = federationId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Stars getStars() {
		return stars;
	}

	public void setStars(Stars stars) {
		this.stars = stars;
	}

	public List<Section> getSections() {
		return sections;
	}

	public void setSections(List<Section> sections) {
		this.sections = sections;
	}
}

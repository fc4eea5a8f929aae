package org.gonghui.workplan.web;

import java.util.ArrayList;
import java.util.List;

import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.workplan.internal.PlanService.PlanInput;
import org.gonghui.workplan.internal.PlanService.PriorityInput;
import org.gonghui.workplan.internal.PlanService.TargetInput;

/**
 * The plan form: priorities and targets as rows (blank rows left out); a target's milestones are typed as twelve
 * cumulative month-end figures separated by commas, or left empty for linear progress.
 */
public class PlanForm {

	static final int PRIORITY_ROWS = 5;
	static final int TARGET_ROWS = 8;

	private Long organizationId;
	private Integer year;
	private String title;
	private List<Priority> priorities = new ArrayList<>();
	private List<Target> targets = new ArrayList<>();

	public PlanForm() {
		for (int i = 0; i < PRIORITY_ROWS; i++) {
			priorities.add(new Priority());
		}
		for (int i = 0; i < TARGET_ROWS; i++) {
			targets.add(new Target());
		}
	}

	public static class Priority {
		private String text;
		private String owners;

		public String getText() {
			return text;
		}

		public void setText(String text) {
			this.text = text;
		}

		public String getOwners() {
			return owners;
		}

		public void setOwners(String owners) {
			this.owners = owners;
		}
	}

	public static class Target {
		private String metric;
		private Long value;
		private String label;
		private boolean livelihood;
		private String milestones;

		public String getMetric() {
			return metric;
		}

		public void setMetric(String metric) {
			this.metric = metric;
		}

		public Long getValue() {
			return value;
		}

		public void setValue(Long value) {
			this.value = value;
		}

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public boolean isLivelihood() {
			return livelihood;
		}

		public void setLivelihood(boolean livelihood) {
			this.livelihood = livelihood;
		}

		public String getMilestones() {
			return milestones;
		}

		public void setMilestones(String milestones) {
			this.milestones = milestones;
		}

		boolean blank() {
			return MeetingForm.isBlank(metric) && value == null && MeetingForm.isBlank(label) && MeetingForm.isBlank(milestones);
		}
	}

	PlanInput input() {
		List<FieldProblem> problems = new ArrayList<>();
		List<PriorityInput> priorityInputs = priorities.stream().filter(p -> !MeetingForm.isBlank(p.text) || !MeetingForm.isBlank(p.owners))
			.map(p -> new PriorityInput(p.text, p.owners)).toList();
		List<TargetInput> targetInputs = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			Target t = targets.get(i);
			if (!t.blank()) {
				targetInputs.add(new TargetInput(t.metric, t.value, t.label, t.livelihood, milestones(t.milestones, "targets[" + i + "].milestones", problems),
						null));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PlanInput(organizationId, year, title, priorityInputs, targetInputs);
	}

	/** "1,2,3…" (half- or full-width commas) as numbers; the service checks there are twelve, rising to the value. */
	static List<Long> milestones(String text, String field, List<FieldProblem> problems) {
		if (MeetingForm.isBlank(text)) {
			return null;
		}
		List<Long> values = new ArrayList<>();
		for (String part : text.split("[,，、\\s]+")) {
			if (part.isEmpty()) {
				continue;
			}
			try {
				values.add(Long.parseLong(part));
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem(field, "workplan.target.milestones"));
				return null;
			}
		}
		return values;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public List<Priority> getPriorities() {
		return priorities;
	}

	public void setPriorities(List<Priority> priorities) {
		this.priorities = priorities;
	}

	public List<Target> getTargets() {
		return targets;
	}

	public void setTargets(List<Target> targets) {
		this.targets = targets;
	}
}

package org.gonghui.news;

/**
 * The three reviews of 三审制, in order: the editor (初审, 责任编辑), the head of department (复审, 部门负责人), the
 * leader in charge (终审, 分管领导). A federation names the accounts for each stage; three different people sign.
 */
public enum ReviewStage {
	EDITOR, DEPARTMENT_HEAD, LEADER
}

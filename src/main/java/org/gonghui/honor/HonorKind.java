package org.gonghui.honor;

/** What a title recognises, for the seed's figures "model workers vs craftsmen". */
public enum HonorKind {
	/** 劳动模范, 先进工作者, 五一劳动奖章. */
	MODEL_WORKER,
	/** 大国工匠, 北京大工匠, 区级工匠. */
	CRAFTSMAN,
	/** 先进职工 and other unit honours. */
	ADVANCED
}

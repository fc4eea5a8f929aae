package org.gonghui.activity;

/** Forms of a performance competition (the seed's 大合唱, 歌伴舞, 快板, 小品, 三句半), each ranked and awarded on its own. */
public enum PerformanceForm {
	CHORUS, SONG_AND_DANCE, KUAIBAN, SKIT, SANJUBAN, OTHER
}

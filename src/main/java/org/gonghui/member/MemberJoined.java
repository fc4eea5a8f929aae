package org.gonghui.member;

import java.time.LocalDate;

/** A worker became a member (approved application or roster import). Published after the member row exists. */
public record MemberJoined(long memberId, long unionId, WorkForm workForm, LocalDate joinDate) {
}

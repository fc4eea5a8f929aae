/**
 * Activities (活动): what almost every article of the seed page describes — visits, group counselling,
 * caravans sent to workplaces, training camps, competitions. Publishing, registration with capacity and a
 * waitlist that moves in arrival order, and (to come) check-in and summaries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities", allowedDependencies = { "shared", "platform", "organization", "member", "facility", "honor" })
package org.gonghui.activity;

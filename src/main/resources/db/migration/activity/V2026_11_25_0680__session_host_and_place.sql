-- A camp's programme names who speaks or hosts each session and where it takes place (issue 6).
alter table activity_session add column host varchar(100);
alter table activity_session add column place varchar(200);

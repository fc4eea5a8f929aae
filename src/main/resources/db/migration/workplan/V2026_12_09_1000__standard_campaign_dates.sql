-- A campaign's period (评估期): when the unions may start assessing themselves and by when the campaign closes.
-- Optional, since campaigns made before had none; given together and in order.
alter table std_campaign add column starts_on date;
alter table std_campaign add column ends_on date;
alter table std_campaign add constraint ck_std_campaign_dates check ((starts_on is null) = (ends_on is null) and (ends_on is null or ends_on >= starts_on));

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moments: unix microseconds and back, and where a day begins, on days of
 * 23 and 25 hours and on one whose midnight the clocks skip. */
#include "limber-time.h"

static GDateTime *
start_of (GTimeZone *tz,
          int        year,
          int        month,
          int        day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return limber_time_start_of_day (tz, &date);
}

static void
assert_moment (GDateTime  *time,
               const char *iso8601)
{
  g_autofree char *text = g_date_time_format_iso8601 (time);

  g_assert_cmpstr (text, ==, iso8601);
}

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    g_test_skip_printf ("no time zone %s here (tzdata)", identifier);
  return tz;
}

static void
test_usec (void)
{
  g_autoptr(GDateTime) before_1970 = g_date_time_new_utc (1969, 12, 31, 23, 59, 59.25);
  g_autoptr(GDateTime) back = limber_time_from_usec (limber_time_to_usec (before_1970));

  g_assert_cmpint (limber_time_to_usec (before_1970), ==, -750000);
  g_assert_true (g_date_time_equal (before_1970, back));
}

/* Berlin: summer time begins on 31 March 2024 at 02:00 (a 23-hour day)
 * and ends on 27 October at 03:00 (25 hours); midnight is there both days. */
static void
test_start_of_day_dst (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GDateTime) march_31 = NULL;
  g_autoptr(GDateTime) april_1 = NULL;
  g_autoptr(GDateTime) october_27 = NULL;
  g_autoptr(GDateTime) october_28 = NULL;
  g_autoptr(GDateTime) evening = NULL;
  g_autoptr(GDateTime) today = NULL;

  if (berlin == NULL)
    return;
  march_31 = start_of (berlin, 2024, 3, 31);
  april_1 = start_of (berlin, 2024, 4, 1);
  october_27 = start_of (berlin, 2024, 10, 27);
  october_28 = start_of (berlin, 2024, 10, 28);

  assert_moment (march_31, "2024-03-31T00:00:00+01");
  assert_moment (april_1, "2024-04-01T00:00:00+02");
  g_assert_cmpint (g_date_time_difference (april_1, march_31), ==, 23 * G_TIME_SPAN_HOUR);
  assert_moment (october_27, "2024-10-27T00:00:00+02");
  assert_moment (october_28, "2024-10-28T00:00:00+01");
  g_assert_cmpint (g_date_time_difference (october_28, october_27), ==, 25 * G_TIME_SPAN_HOUR);

  /* late on the short day, in summer time: its day still began in winter time */
  evening = g_date_time_new (berlin, 2024, 3, 31, 23, 30, 0);
  today = limber_time_start_of_today (evening);
  g_assert_true (g_date_time_equal (today, march_31));
  assert_moment (today, "2024-03-31T00:00:00+01");
}

/* Santiago: summer time began on 8 September 2024 at 00:00, so the day
 * began at 01:00; it is not the day before's 23:00. */
static void
test_start_of_day_without_midnight (void)
{
  g_autoptr(GTimeZone) santiago = zone ("America/Santiago");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) today = NULL;

  if (santiago == NULL)
    return;
  start = start_of (santiago, 2024, 9, 8);
  assert_moment (start, "2024-09-08T01:00:00-03");
  noon = g_date_time_new (santiago, 2024, 9, 8, 12, 0, 0);
  today = limber_time_start_of_today (noon);
  g_assert_true (g_date_time_equal (today, start));
}

/* %NULL is the local zone, as the app and the service use it. */
static void
test_start_of_day_local (void)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_local (2024, 3, 31, 0, 0, 0);

  start = start_of (NULL, 2024, 3, 31);
  g_assert_true (g_date_time_equal (start, expected));
}

/* The local zone is kept for a second (GLib looks at /etc/localtime on
 * every local conversion), but a change of TZ is followed at once, and
 * every moment converts as GLib's own local conversion does: around
 * Berlin's changes of clocks, before 1970, and to the microsecond. */
static void
test_local_zone (void)
{
  static const char *moments[] = {
    "2024-03-31T00:59:59.999999Z", "2024-03-31T01:00:00Z", "2024-10-27T00:30:00Z",
    "2024-10-27T01:30:00.5Z", "1969-12-31T23:59:59.25Z", "2000-02-29T23:00:00Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (moments[i], NULL);
      gint64 usec = limber_time_to_usec (utc);
      g_autoptr(GDateTime) ours = limber_time_from_usec (usec);
      g_autoptr(GDateTime) glibs = g_date_time_to_local (utc);
      g_autoptr(GDateTime) local = limber_time_to_local (utc);

      g_assert_true (g_date_time_equal (ours, utc));
      g_assert_cmpint (g_date_time_get_utc_offset (ours), ==, g_date_time_get_utc_offset (glibs));
      g_assert_cmpint (g_date_time_get_hour (ours), ==, g_date_time_get_hour (glibs));
      g_assert_cmpint (g_date_time_get_microsecond (ours), ==, g_date_time_get_microsecond (glibs));
      g_assert_cmpint (g_date_time_get_utc_offset (local), ==, g_date_time_get_utc_offset (glibs));
    }

  /* the first and last days GDateTime holds, as the local date has them:
   * 05:00 on 1 January of the year 1 in Tokyo is still the year 0 in UTC */
  {
    gint64 year1_utc = G_GINT64_CONSTANT (-62135596800);
    gint64 year10000_utc = G_GINT64_CONSTANT (253402300800);
    g_autoptr(GDateTime) first = NULL;
    g_autoptr(GDateTime) last = NULL;
    g_autoptr(GDateTime) before = NULL;

    g_setenv ("TZ", "Asia/Tokyo", TRUE);
    first = limber_time_from_usec ((year1_utc - 4 * 3600) * G_USEC_PER_SEC);
    before = limber_time_from_usec ((year1_utc - 10 * 3600) * G_USEC_PER_SEC);
    g_setenv ("TZ", "America/New_York", TRUE);
    last = limber_time_from_usec ((year10000_utc + 3600) * G_USEC_PER_SEC);
    g_setenv ("TZ", "Europe/Berlin", TRUE);
    g_assert_nonnull (first);
    g_assert_cmpint (g_date_time_get_year (first), ==, 1);
    g_assert_cmpint (g_date_time_get_hour (first), ==, 5);
    g_assert_null (before);   /* 23:00 on the last day of the year 0 */
    g_assert_nonnull (last);
    g_assert_cmpint (g_date_time_get_year (last), ==, 9999);
    g_assert_null (limber_time_from_usec (G_MININT64));
    g_assert_null (limber_time_from_usec (G_MAXINT64));
  }

  /* a change of TZ, within the second */
  {
    g_autoptr(GDateTime) winter = g_date_time_new_utc (2024, 1, 15, 12, 0, 0);
    g_autoptr(GDateTime) berlin = limber_time_from_usec (limber_time_to_usec (winter));
    g_autoptr(GDateTime) tokyo = NULL;
    g_autoptr(GDateTime) now = NULL;
    g_autoptr(GTimeZone) zone = NULL;

    g_assert_cmpint (g_date_time_get_hour (berlin), ==, 13);
    g_setenv ("TZ", "Asia/Tokyo", TRUE);
    tokyo = limber_time_from_usec (limber_time_to_usec (winter));
    zone = limber_time_zone_local ();
    now = limber_time_now_local ();
    g_setenv ("TZ", "Europe/Berlin", TRUE);
    if (g_strcmp0 (g_time_zone_get_identifier (zone), "Asia/Tokyo") != 0)
      {
        g_test_fail_printf ("no time zone Asia/Tokyo here: install tzdata");
        return;
      }
    g_assert_cmpint (g_date_time_get_hour (tokyo), ==, 21);
    g_assert_cmpint (g_date_time_get_utc_offset (now), ==, 9 * G_TIME_SPAN_HOUR);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* the local zone is Berlin's, with its change of clocks */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/time/usec", test_usec);
  g_test_add_func ("/time/start-of-day/dst", test_start_of_day_dst);
  g_test_add_func ("/time/start-of-day/without-midnight", test_start_of_day_without_midnight);
  g_test_add_func ("/time/start-of-day/local", test_start_of_day_local);
  g_test_add_func ("/time/local-zone", test_local_zone);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The advisory to see a healthcare professional: which check-ins bring
 * it, its words, and the journal's "once" rule. */
#include "test-require.h"
#include "limber-journal-advisories.h"
#include "limber-journal-private.h"

static GTimeZone *berlin;

static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  GDateTime *dt = g_date_time_new (berlin, year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  return dt;
}

static LimberCheckin *
checkin (GDateTime      *time,    /* taken */
         int             pain,
         LimberSymptoms  symptoms)
{
  LimberCheckin *c = limber_checkin_new ();

  g_date_time_unref (c->time);
  c->time = time;
  c->pain = pain;
  c->stiffness = 3;
  c->symptoms = symptoms;
  return c;
}

static GPtrArray *
new_checkins (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
}

/* Pains on 1, 2, 3… April at 09:00, then @saved_pain on the next day. */
static LimberAdvice
check_days (const int *pains,
            guint      n_pains,
            int        saved_pain)
{
  g_autoptr(GPtrArray) recent = new_checkins ();
  g_autoptr(LimberCheckin) saved = checkin (at (2024, 4, 1 + n_pains, 9, 0), saved_pain, 0);

  for (guint i = 0; i < n_pains; i++)
    g_ptr_array_add (recent, checkin (at (2024, 4, 1 + i, 9, 0), pains[i], 0));
  return limber_advisory_check (saved, recent);
}

static void
test_symptoms_and_high_pain (void)
{
  struct {
    int pain;
    LimberSymptoms symptoms;
    LimberAdvice expected;
  } cases[] = {
    { 0, LIMBER_SYMPTOM_NONE, LIMBER_ADVICE_NONE },
    { 7, LIMBER_SYMPTOM_NONE, LIMBER_ADVICE_NONE },
    { 8, LIMBER_SYMPTOM_NONE, LIMBER_ADVICE_HIGH_PAIN },
    { 10, LIMBER_SYMPTOM_NONE, LIMBER_ADVICE_HIGH_PAIN },
    { 2, LIMBER_SYMPTOM_NUMBNESS, LIMBER_ADVICE_NUMBNESS },
    { 2, LIMBER_SYMPTOM_RADIATING, LIMBER_ADVICE_RADIATING },
    { 2, LIMBER_SYMPTOM_WEAKNESS, LIMBER_ADVICE_WEAKNESS },
    { 9, LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_RADIATING | LIMBER_SYMPTOM_WEAKNESS,
      LIMBER_ADVICE_NUMBNESS | LIMBER_ADVICE_RADIATING | LIMBER_ADVICE_WEAKNESS | LIMBER_ADVICE_HIGH_PAIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LimberCheckin) saved = checkin (at (2024, 4, 1, 9, 0), cases[i].pain, cases[i].symptoms);

      g_assert_cmpint (limber_advisory_check (saved, NULL), ==, cases[i].expected);
    }
}

static void
test_rising_pain (void)
{
  struct {
    const char *what;
    int pains[6];
    guint n;
    int saved;
    gboolean rising;
  } cases[] = {
    { "up by 3 over three days", { 2, 3 }, 2, 5, TRUE },
    { "up by 2 only", { 4, 5 }, 2, 6, FALSE },
    { "flat at the end", { 3, 6 }, 2, 6, FALSE },
    { "down then up", { 6, 4 }, 2, 9, FALSE },
    { "two days only", { 1 }, 1, 9, FALSE },
    { "the saved day alone", { 0 }, 0, 9, FALSE },
    { "only the last three days count", { 1, 5, 2, 3 }, 4, 4, FALSE },
    { "the last three rise", { 5, 1, 2 }, 3, 5, TRUE },
    { "going down", { 9, 6 }, 2, 3, FALSE },
    { "a big rise", { 0, 5 }, 2, 10, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LimberAdvice advice = check_days (cases[i].pains, cases[i].n, cases[i].saved);

      g_test_message ("%s", cases[i].what);
      g_assert_cmpint (!!(advice & LIMBER_ADVICE_RISING_PAIN), ==, cases[i].rising);
    }
}

static void
test_rising_pain_days (void)
{
  g_autoptr(GPtrArray) recent = new_checkins ();
  g_autoptr(LimberCheckin) saved = checkin (at (2024, 4, 10, 20, 0), 5, 0);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* each day counts with its highest pain: 1, max(3, 2) = 3, then 5 */
  g_ptr_array_add (recent, checkin (at (2024, 4, 4, 9, 0), 1, 0));
  g_ptr_array_add (recent, checkin (at (2024, 4, 7, 9, 0), 3, 0));
  g_ptr_array_add (recent, checkin (at (2024, 4, 7, 20, 0), 2, 0));
  /* after the saved one: left out */
  g_ptr_array_add (recent, checkin (at (2024, 4, 11, 9, 0), 0, 0));
  g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_RISING_PAIN);

  /* the saved one among the recent ones, by pointer or by id, is not
   * counted twice */
  saved->id = 42;
  g_ptr_array_add (recent, limber_checkin_copy (saved));
  g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_RISING_PAIN);

  /* a higher pain earlier on the saved day makes that day's value */
  g_ptr_array_add (recent, checkin (at (2024, 4, 10, 8, 0), 7, 0));
  g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_RISING_PAIN);

  /* out of the 14-day window: the day with pain 1 no longer counts */
  g_ptr_array_set_size (recent, 0);
  g_ptr_array_add (recent, checkin (at (2024, 3, 27, 9, 0), 1, 0));
  g_ptr_array_add (recent, checkin (at (2024, 4, 7, 9, 0), 3, 0));
  g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_NONE);
  g_ptr_array_add (recent, checkin (at (2024, 3, 27, 21, 0), 1, 0));   /* 13 days 23 hours */
  g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_RISING_PAIN);

  /* days are the saved check-in's local days: 23:30 and 00:30 in Berlin
   * are two days, but one in UTC */
  {
    g_autoptr(GDateTime) saved_utc_time = NULL;

    g_ptr_array_set_size (recent, 0);
    g_ptr_array_add (recent, checkin (at (2024, 4, 8, 23, 30), 2, 0));
    g_ptr_array_add (recent, checkin (at (2024, 4, 9, 0, 30), 3, 0));
    g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_RISING_PAIN);

    saved_utc_time = g_date_time_to_timezone (saved->time, utc);
    g_date_time_unref (saved->time);
    saved->time = g_steal_pointer (&saved_utc_time);
    g_assert_cmpint (limber_advisory_check (saved, recent), ==, LIMBER_ADVICE_NONE);
  }
}

static void
test_describe (void)
{
  static const char * const not_words[] = {
    "emergency", "urgent", "serious", "danger", "diagnos", "immediately", "!",
  };
  g_autofree char *none = limber_advisory_describe (LIMBER_ADVICE_NONE);
  g_autofree char *numbness = limber_advisory_describe (LIMBER_ADVICE_NUMBNESS);

  g_assert_null (none);
  g_assert_cmpstr (numbness, ==,
                   "You noted numbness or tingling. That is worth having a healthcare professional "
                   "look at, especially if it keeps happening. Limber can’t tell what causes it. "
                   "Until then, stretch gently and stop if it hurts.");

  for (guint reasons = 1; reasons <= LIMBER_ADVICE_ALL; reasons++)
    {
      g_autofree char *text = limber_advisory_describe (reasons);
      struct { LimberAdvice reason; const char *words; } parts[] = {
        { LIMBER_ADVICE_NUMBNESS, "numbness or tingling" },
        { LIMBER_ADVICE_RADIATING, "pain running down your leg" },
        { LIMBER_ADVICE_WEAKNESS, "weakness" },
        { LIMBER_ADVICE_HIGH_PAIN, "8 or more" },
        { LIMBER_ADVICE_RISING_PAIN, "gone up" },
      };
      g_autofree char *lower = g_utf8_strdown (text, -1);
      guint n = 0;

      g_assert_nonnull (strstr (text, "healthcare professional"));
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_assert_cmpint (strstr (text, parts[i].words) != NULL, ==, (reasons & parts[i].reason) != 0);
          n += (reasons & parts[i].reason) != 0;
        }
      g_assert_nonnull (strstr (text, n == 1 ? "That is worth" : "These are worth"));
      for (guint i = 0; i < G_N_ELEMENTS (not_words); i++)
        g_assert_null (strstr (lower, not_words[i]));
    }
}

static void
test_reason_names (void)
{
  g_assert_cmpstr (limber_advice_to_string (LIMBER_ADVICE_NUMBNESS), ==, "numbness");
  g_assert_cmpstr (limber_advice_to_string (LIMBER_ADVICE_RADIATING), ==, "radiating");
  g_assert_cmpstr (limber_advice_to_string (LIMBER_ADVICE_WEAKNESS), ==, "weakness");
  g_assert_cmpstr (limber_advice_to_string (LIMBER_ADVICE_HIGH_PAIN), ==, "high-pain");
  g_assert_cmpstr (limber_advice_to_string (LIMBER_ADVICE_RISING_PAIN), ==, "rising-pain");
  g_assert_null (limber_advice_to_string (LIMBER_ADVICE_NONE));
  g_assert_null (limber_advice_to_string (LIMBER_ADVICE_NUMBNESS | LIMBER_ADVICE_WEAKNESS));
}

/* The "once" rule, in the journal */

static LimberAdvice
save_and_take (LimberJournal *journal,
               LimberCheckin *c)
{
  g_autoptr(GError) error = NULL;
  LimberAdvice advice;

  c->id = limber_journal_add_checkin (journal, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  advice = limber_journal_take_advisory (journal, c, &error);
  g_assert_no_error (error);
  return advice;
}

static gint64
count_rows (LimberJournal *journal)
{
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM advisories", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_once (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCheckin) calm = checkin (at (2024, 4, 1, 9, 0), 2, 0);
  g_autoptr(LimberCheckin) numb = checkin (at (2024, 4, 2, 9, 0), 3, LIMBER_SYMPTOM_NUMBNESS);
  g_autoptr(LimberCheckin) numb_again = checkin (at (2024, 4, 2, 18, 0), 9, LIMBER_SYMPTOM_NUMBNESS);
  g_autoptr(LimberCheckin) rising = checkin (at (2024, 4, 3, 9, 0), 9, LIMBER_SYMPTOM_NUMBNESS);
  g_autoptr(LimberCheckin) later = checkin (at (2024, 4, 4, 9, 0), 9, LIMBER_SYMPTOM_NUMBNESS);

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (save_and_take (journal, calm), ==, LIMBER_ADVICE_NONE);
  g_assert_cmpint (count_rows (journal), ==, 0);

  g_assert_cmpint (save_and_take (journal, numb), ==, LIMBER_ADVICE_NUMBNESS);
  g_assert_cmpint (count_rows (journal), ==, 1);

  /* numbness again: already shown; high pain is new */
  g_assert_cmpint (save_and_take (journal, numb_again), ==, LIMBER_ADVICE_HIGH_PAIN);

  /* 2, 9 (the 2nd's highest), 9: not rising; nothing new */
  g_assert_cmpint (save_and_take (journal, rising), ==, LIMBER_ADVICE_NONE);
  g_assert_cmpint (count_rows (journal), ==, 2);

  /* asking again for the same check-in gives nothing more */
  g_assert_cmpint (limber_journal_take_advisory (journal, numb, &error), ==, LIMBER_ADVICE_NONE);
  g_assert_no_error (error);

  /* 31 days later, as far as the journal knows, they come back once */
  g_assert_cmpint (sqlite3_exec (_limber_journal_get_handle_for_testing (journal),
                                 "UPDATE advisories SET shown_at = shown_at - 31 * 86400000000",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (save_and_take (journal, later), ==, LIMBER_ADVICE_NUMBNESS | LIMBER_ADVICE_HIGH_PAIN);
  g_assert_cmpint (save_and_take (journal, later), ==, LIMBER_ADVICE_NONE);
  g_assert_cmpint (count_rows (journal), ==, 4);

  /* and it is remembered across a reopen */
  g_clear_object (&journal);
  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (save_and_take (journal, later), ==, LIMBER_ADVICE_NONE);
}

static void
test_once_rising_from_journal (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  static const int pains[] = { 1, 3, 5 };
  LimberAdvice advice = LIMBER_ADVICE_NONE;

  journal = limber_journal_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (pains); i++)
    {
      g_autoptr(LimberCheckin) c = checkin (at (2024, 5, 1 + 2 * i, 9, 0), pains[i], 0);

      advice = save_and_take (journal, c);
    }
  g_assert_cmpint (advice, ==, LIMBER_ADVICE_RISING_PAIN);

  /* refused while the journal cannot be written: nothing shown */
  {
    g_autoptr(LimberCheckin) c = checkin (at (2024, 5, 6, 9, 0), 2, LIMBER_SYMPTOM_RADIATING);
    sqlite3 *db = _limber_journal_get_handle_for_testing (journal);

    g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (limber_journal_take_advisory (journal, c, &error), ==, LIMBER_ADVICE_NONE);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (sqlite3_get_autocommit (db));
    g_assert_cmpint (limber_journal_take_advisory (journal, c, &error), ==, LIMBER_ADVICE_RADIATING);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  if (berlin == NULL)
    limber_test_require_missing ("The time zone Europe/Berlin", "tzdata");

  g_test_add_func ("/advisory/symptoms-and-high-pain", test_symptoms_and_high_pain);
  g_test_add_func ("/advisory/rising-pain", test_rising_pain);
  g_test_add_func ("/advisory/rising-pain/days", test_rising_pain_days);
  g_test_add_func ("/advisory/describe", test_describe);
  g_test_add_func ("/advisory/reason-names", test_reason_names);
  g_test_add_func ("/advisory/once", test_once);
  g_test_add_func ("/advisory/once/rising", test_once_rising_from_journal);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The progression rules, played through weeks in virtual time: the pure
 * rules on synthetic journals, then the same through a real journal. Every
 * decision is checked with its reason, word for word. */
#include "journal-test-utils.h"
#include "limber-journal-private.h"
#include "limber-journal-programs.h"
#include "limber-progression.h"

typedef struct
{
  LimberCatalog      *catalog;
  LimberProgram      *program;      /* looser-hamstrings: 4 levels, 3 sessions */
  LimberProgramState  state;
  GPtrArray          *sessions;
  GPtrArray          *checkins;
  GDateTime          *now;
  gint64              next_id;
} Sim;

static void
sim_init (Sim *sim)
{
  g_autoptr(GError) error = NULL;

  sim->catalog = limber_catalog_new ();
  limber_catalog_load_bundled (sim->catalog, &error);
  g_assert_no_error (error);
  sim->program = limber_catalog_lookup_program (sim->catalog, "looser-hamstrings");
  g_assert_nonnull (sim->program);
  g_assert_cmpuint (limber_program_get_n_levels (sim->program), ==, 4);
  sim->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
  sim->checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
  /* Monday 2024-03-04 08:00 UTC */
  sim->now = g_date_time_new_utc (2024, 3, 4, 8, 0, 0);
  sim->state.program_id = g_strdup ("looser-hamstrings");
}

static void
sim_clear (Sim *sim)
{
  g_clear_object (&sim->catalog);
  g_clear_pointer (&sim->sessions, g_ptr_array_unref);
  g_clear_pointer (&sim->checkins, g_ptr_array_unref);
  g_clear_pointer (&sim->now, g_date_time_unref);
  g_clear_pointer (&sim->state.program_id, g_free);
  g_clear_pointer (&sim->state.started_at, g_date_time_unref);
  g_clear_pointer (&sim->state.level_since, g_date_time_unref);
}

static void
sim_hours (Sim   *sim,
           double hours)
{
  GDateTime *later = g_date_time_add_seconds (sim->now, hours * 3600);

  g_date_time_unref (sim->now);
  sim->now = later;
}

static void
sim_checkin (Sim *sim,
             int  pain,
             int  stiffness)
{
  LimberCheckin *c = checkin_at (sim->now, pain, stiffness);

  g_ptr_array_add (sim->checkins, c);
  sim_hours (sim, 1);
}

static void
sim_session_of (Sim           *sim,
                const char    *routine_id,
                LimberOutcome  outcome)
{
  LimberSessionInfo *s = g_new0 (LimberSessionInfo, 1);

  s->id = ++sim->next_id;
  s->routine_id = g_strdup (routine_id);
  s->routine_name = g_strdup (routine_id);
  s->started_at = g_date_time_ref (sim->now);
  s->outcome = outcome;
  s->rating = -1;
  g_ptr_array_add (sim->sessions, s);
  sim_hours (sim, 1);
}

static void
sim_session (Sim           *sim,
             LimberOutcome  outcome)
{
  sim_session_of (sim, limber_routine_get_id (limber_program_get_level_routine (sim->program, sim->state.level)),
                  outcome);
}

/* Starts the program now, with the baseline the journal would compute. */
static void
sim_start (Sim *sim)
{
  g_clear_pointer (&sim->state.started_at, g_date_time_unref);
  g_clear_pointer (&sim->state.level_since, g_date_time_unref);
  sim->state.level = 1;
  sim->state.started_at = g_date_time_ref (sim->now);
  sim->state.level_since = g_date_time_ref (sim->now);
  sim->state.has_baseline = limber_progression_compute_baseline (sim->checkins, sim->now,
                                                                 &sim->state.start_pain,
                                                                 &sim->state.start_stiffness);
}

/* The first check-in after the start becomes the baseline, as the journal
 * does when there was none in the week before. */
static void
sim_refresh_baseline (Sim *sim)
{
  sim->state.has_baseline = limber_progression_compute_baseline (sim->checkins, sim->state.started_at,
                                                                 &sim->state.start_pain,
                                                                 &sim->state.start_stiffness);
}

/* Decides, checks the decision, and follows it as the app would. */
static void
sim_expect (Sim                     *sim,
            LimberProgressionAction  action,
            LimberProgressionReason  reason,
            guint                    new_level,
            const char              *text)
{
  g_autoptr(LimberProgressionDecision) d =
    limber_progression_decide (sim->program, &sim->state, sim->sessions, sim->checkins, sim->now);

  g_test_message ("level %u → %u: %s", d->level, d->new_level, d->text);
  g_assert_cmpint (d->action, ==, action);
  g_assert_cmpint (d->reason, ==, reason);
  g_assert_cmpuint (d->level, ==, sim->state.level);
  g_assert_cmpuint (d->new_level, ==, new_level);
  g_assert_cmpstr (d->text, ==, text);

  if (d->action != LIMBER_PROGRESSION_STAY)
    {
      sim->state.level = d->new_level;
      g_date_time_unref (sim->state.level_since);
      sim->state.level_since = g_date_time_ref (sim->now);
    }
}

/* A good week: three completed sessions and two calm check-ins. */
static void
sim_good_week (Sim *sim,
               int  pain,
               int  stiffness)
{
  for (guint day = 0; day < 7; day++)
    {
      if (day == 0 || day == 2 || day == 4)
        sim_session (sim, LIMBER_OUTCOME_COMPLETED);
      if (day == 1 || day == 5)
        sim_checkin (sim, pain, stiffness);
      sim_hours (sim, 24 - (day == 0 || day == 2 || day == 4) - (day == 1 || day == 5));
    }
}

static void
sim_baseline_week (Sim *sim)
{
  /* three check-ins the week before: pain 3, 3, 3 and stiffness 5, 4, 6 */
  sim_hours (sim, -24 * 6);
  sim_checkin (sim, 3, 5);
  sim_hours (sim, 47);
  sim_checkin (sim, 3, 4);
  sim_hours (sim, 47);
  sim_checkin (sim, 3, 6);
  /* back to Monday 08:00 */
  sim_hours (sim, 24 * 6 - 47 - 47 - 3);
}

static void
test_no_data (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_start (&sim);
  g_assert_false (sim.state.has_baseline);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 1,
              "Staying at level 1: 3 more sessions to go");
  /* weeks pass with nothing done: nothing changes */
  sim_hours (&sim, 24 * 21);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 1,
              "Staying at level 1: 3 more sessions to go");
  sim_clear (&sim);
}

static void
test_sparse_data (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_start (&sim);
  sim_session (&sim, LIMBER_OUTCOME_COMPLETED);
  sim_session (&sim, LIMBER_OUTCOME_STOPPED);   /* stopped, not for pain: does not count */
  sim_session (&sim, LIMBER_OUTCOME_COMPLETED);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 1,
              "Staying at level 1: 1 more session to go");
  /* another routine, and a level that is not this one, do not count */
  sim_session_of (&sim, "desk-break", LIMBER_OUTCOME_COMPLETED);
  sim_session_of (&sim, "looser-hamstrings-level-2", LIMBER_OUTCOME_COMPLETED);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 1,
              "Staying at level 1: 1 more session to go");
  sim_session (&sim, LIMBER_OUTCOME_COMPLETED);
  /* no check-in at all: no baseline either */
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_CHECKINS, 1,
              "Staying at level 1: 2 more check-ins will tell how it’s going");
  sim_hours (&sim, 24);
  sim_checkin (&sim, 2, 4);
  sim_refresh_baseline (&sim);
  g_assert_true (sim.state.has_baseline);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_CHECKINS, 1,
              "Staying at level 1: 1 more check-in will tell how it’s going");
  sim_hours (&sim, 24);
  sim_checkin (&sim, 2, 4);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 2,
              "Next: 25-second holds — your stiffness has stayed at 4 or below and your pain at 2 or below for 2 days");
  sim_clear (&sim);
}

static void
test_steady_improvement (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  g_assert_true (sim.state.has_baseline);
  g_assert_cmpfloat (sim.state.start_pain, ==, 3);
  g_assert_cmpfloat (sim.state.start_stiffness, ==, 5);

  sim_good_week (&sim, 3, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 2,
              "Next: 25-second holds — your stiffness has stayed at 5 or below and your pain at 3 or below for a week");
  /* a new level starts its count again */
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 2,
              "Staying at level 2: 3 more sessions to go");
  sim_good_week (&sim, 2, 4);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 3,
              "Next: 30-second holds — your stiffness has stayed at 4 or below and your pain at 2 or below for a week");
  sim_good_week (&sim, 2, 3);
  sim_good_week (&sim, 1, 3);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 4,
              "Next: Two 30-second holds — your stiffness has stayed at 3 or below and your pain at 2 or below for 2 weeks");
  sim_good_week (&sim, 1, 2);
  /* the top: never above the last level */
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_TOP_LEVEL, 4,
              "Staying at level 4, the last one: keep it up as long as it feels good");
  sim_good_week (&sim, 1, 2);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_TOP_LEVEL, 4,
              "Staying at level 4, the last one: keep it up as long as it feels good");
  sim_clear (&sim);
}

static void
test_rising (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  /* one point above the start: not a flare, but not the time to grow */
  sim_good_week (&sim, 4, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_RISING, 1,
              "Staying at level 1: your pain has been a little higher than when you started, so the next step can wait until it settles");
  sim_clear (&sim);
  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  sim_good_week (&sim, 3, 7);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_RISING, 1,
              "Staying at level 1: your stiffness has been a little higher than when you started, so the next step can wait until it settles");
  sim_clear (&sim);
}

static void
test_flare_and_recovery (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  sim_good_week (&sim, 3, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 2,
              "Next: 25-second holds — your stiffness has stayed at 5 or below and your pain at 3 or below for a week");
  sim_good_week (&sim, 2, 4);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 3,
              "Next: 30-second holds — your stiffness has stayed at 4 or below and your pain at 2 or below for a week");

  /* a pain spike two points above the start: back one level, even with
   * too few sessions to tell otherwise */
  sim_session (&sim, LIMBER_OUTCOME_COMPLETED);
  sim_checkin (&sim, 5, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_STEP_BACK, LIMBER_PROGRESSION_REASON_PAIN_FLARE, 2,
              "Back to level 2 for now: your pain went up to 5, from about 3 when you started");

  /* a session stopped because it hurt: back again */
  sim_hours (&sim, 24);
  sim_session (&sim, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
  sim_expect (&sim, LIMBER_PROGRESSION_STEP_BACK, LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN, 1,
              "Back to level 1 for now: you stopped a session because it hurt");

  /* the flare is before the level's new start: recovery counts afresh */
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS, 1,
              "Staying at level 1: 3 more sessions to go");
  sim_good_week (&sim, 3, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_ADVANCE, LIMBER_PROGRESSION_REASON_STEADY, 2,
              "Next: 25-second holds — your stiffness has stayed at 5 or below and your pain at 3 or below for a week");
  sim_clear (&sim);
}

static void
test_flare_at_level_1 (void)
{
  Sim sim = { 0 };

  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  sim_checkin (&sim, 6, 5);
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_PAIN_FLARE, 1,
              "Staying at level 1 for now: your pain went up to 6, from about 3 when you started, so go gently");
  sim_clear (&sim);

  sim_init (&sim);
  sim_baseline_week (&sim);
  sim_start (&sim);
  sim_good_week (&sim, 3, 5);
  sim_session (&sim, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
  /* never below level 1, and the stop outweighs a good week */
  sim_expect (&sim, LIMBER_PROGRESSION_STAY, LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN, 1,
              "Staying at level 1 for now: you stopped a session because it hurt, so go gently");
  sim_clear (&sim);
}

/* The baseline: the mean of the week before, else the first check-in after;
 * check-ins older than a week do not count. */
static void
test_baseline (void)
{
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_checkin_free);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2024, 3, 11, 8, 0, 0);
  double pain = -1, stiffness = -1;

  g_assert_false (limber_progression_compute_baseline (checkins, start, &pain, &stiffness));
  g_ptr_array_add (checkins, checkin_at (g_date_time_add_days (start, -8), 9, 9));
  g_assert_false (limber_progression_compute_baseline (checkins, start, &pain, &stiffness));
  g_ptr_array_add (checkins, checkin_at (g_date_time_add_days (start, 3), 4, 6));
  g_ptr_array_add (checkins, checkin_at (g_date_time_add_days (start, 1), 2, 5));
  g_assert_true (limber_progression_compute_baseline (checkins, start, &pain, &stiffness));
  g_assert_cmpfloat (pain, ==, 2);
  g_assert_cmpfloat (stiffness, ==, 5);
  g_ptr_array_add (checkins, checkin_at (g_date_time_add_days (start, -7), 3, 4));
  g_ptr_array_add (checkins, checkin_at (g_date_time_add_days (start, -1), 4, 7));
  g_assert_true (limber_progression_compute_baseline (checkins, start, &pain, &stiffness));
  g_assert_cmpfloat (pain, ==, 3.5);
  g_assert_cmpfloat (stiffness, ==, 5.5);
}

static void
journal_session (LimberJournal *journal,
                 const char    *routine_id,
                 GDateTime     *at,
                 LimberOutcome  outcome)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (at, 5);
  g_autoptr(GError) error = NULL;
  gint64 id = start (journal, routine_id, at);

  g_assert_true (limber_journal_finish_session (journal, id, outcome, end, 300000, &error));
  g_assert_no_error (error);
}

static void
journal_checkin (LimberJournal *journal,
                 GDateTime     *at,
                 int            pain,
                 int            stiffness)
{
  g_autoptr(LimberCheckin) c = checkin_at (at, pain, stiffness);

  add_checkin (journal, c);
}

/* Through the journal: the rules read what they need, decisions are
 * written with their reasons, and leaving and starting again resets. */
static void
test_journal_reset (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2024, 3, 4, 8, 0, 0);
  g_autoptr(GDateTime) week1 = g_date_time_add_days (t0, 7);
  g_autoptr(GDateTime) week2 = g_date_time_add_days (t0, 14);
  g_autoptr(GDateTime) week3 = g_date_time_add_days (t0, 21);
  g_autoptr(LimberProgressionDecision) d = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  limber_catalog_load_bundled (catalog, &error);
  g_assert_no_error (error);

  /* nothing under way */
  g_assert_null (limber_progression_evaluate (journal, catalog, t0, &state, &error));
  g_assert_no_error (error);
  g_assert_null (state);
  g_assert_false (limber_journal_change_program_level (journal, 2, NULL, t0, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a check-in the day before the start is the baseline */
  {
    g_autoptr(GDateTime) before = g_date_time_add_days (t0, -1);

    journal_checkin (journal, before, 3, 5);
  }
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", t0, &error));
  g_assert_no_error (error);

  for (guint day = 0; day < 6; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (t0, 24 * day + 2);

      if (day % 2 == 0)
        journal_session (journal, "looser-hamstrings-level-1", at, LIMBER_OUTCOME_COMPLETED);
      else
        journal_checkin (journal, at, 2, 4);
    }
  d = limber_progression_evaluate (journal, catalog, week1, &state, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->action, ==, LIMBER_PROGRESSION_ADVANCE);
  g_assert_cmpstr (d->text, ==, "Next: 25-second holds — your stiffness has stayed at 4 or below and your pain at 2 or below for a week");
  g_assert_cmpfloat (state->start_pain, ==, 3);
  g_assert_true (limber_progression_apply (journal, d, week1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&state, limber_program_state_free);
  g_clear_pointer (&d, limber_progression_decision_free);

  state = limber_journal_get_current_program (journal, &error);
  g_assert_cmpuint (state->level, ==, 2);
  g_assert_cmpint (usec_of (state->level_since), ==, usec_of (week1));
  g_assert_cmpint (usec_of (state->started_at), ==, usec_of (t0));
  g_clear_pointer (&state, limber_program_state_free);

  /* a session at level 2 stopped because it hurt */
  {
    g_autoptr(GDateTime) at = g_date_time_add_hours (week1, 26);

    journal_session (journal, "looser-hamstrings-level-2", at, LIMBER_OUTCOME_STOPPED_FOR_PAIN);
  }
  d = limber_progression_evaluate (journal, catalog, week2, NULL, &error);
  g_assert_cmpint (d->action, ==, LIMBER_PROGRESSION_STEP_BACK);
  g_assert_cmpstr (d->text, ==, "Back to level 1 for now: you stopped a session because it hurt");
  /* the person may decline and stay; the count at level 2 starts again */
  g_assert_true (limber_journal_stay_at_program_level (journal, NULL, week2, &error));
  g_clear_pointer (&d, limber_progression_decision_free);
  d = limber_progression_evaluate (journal, catalog, week2, NULL, &error);
  g_assert_cmpint (d->reason, ==, LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS);
  g_assert_cmpstr (d->text, ==, "Staying at level 2: 3 more sessions to go");
  g_clear_pointer (&d, limber_progression_decision_free);
  /* or step back on their own */
  g_assert_true (limber_journal_change_program_level (journal, 1, "Back to level 1: my choice", week2, &error));
  g_assert_no_error (error);

  /* leaving: nothing under way; starting again: level 1, baseline anew */
  g_assert_true (limber_journal_leave_program (journal, week2, &error));
  g_assert_true (limber_journal_leave_program (journal, week2, &error));
  g_assert_null (limber_journal_get_current_program (journal, &error));
  g_assert_null (limber_progression_evaluate (journal, catalog, week2, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) before = g_date_time_add_days (week3, -2);

    journal_checkin (journal, before, 1, 2);
  }
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", week3, &error));
  state = limber_journal_get_current_program (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (state->level, ==, 1);
  g_assert_true (state->has_baseline);
  /* the week before week3 holds only the new check-in */
  g_assert_cmpfloat (state->start_pain, ==, 1);
  g_assert_cmpfloat (state->start_stiffness, ==, 2);
  d = limber_progression_evaluate (journal, catalog, week3, NULL, &error);
  g_assert_cmpstr (d->text, ==, "Staying at level 1: 3 more sessions to go");

  events = limber_journal_list_program_events (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  {
    static const LimberProgramEventKind kinds[] = {
      LIMBER_PROGRAM_EVENT_STARTED, LIMBER_PROGRAM_EVENT_LEVEL_CHANGED, LIMBER_PROGRAM_EVENT_STAYED,
      LIMBER_PROGRAM_EVENT_LEVEL_CHANGED, LIMBER_PROGRAM_EVENT_LEFT, LIMBER_PROGRAM_EVENT_STARTED,
    };
    static const guint levels[] = { 1, 2, 2, 1, 0, 1 };

    for (guint i = 0; i < events->len; i++)
      {
        LimberProgramEvent *e = g_ptr_array_index (events, i);

        g_assert_cmpint (e->kind, ==, kinds[i]);
        g_assert_cmpuint (e->level, ==, levels[i]);
      }
    g_assert_cmpstr (((LimberProgramEvent *) g_ptr_array_index (events, 1))->reason, ==,
                     "Next: 25-second holds — your stiffness has stayed at 4 or below and your pain at 2 or below for a week");
  }

  /* levels out of range are refused */
  g_assert_false (limber_journal_change_program_level (journal, 0, NULL, week3, &error));
  g_assert_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID);
}

static guint
count_events (LimberJournal *journal)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = limber_journal_list_program_events (journal, NULL, NULL, &error);
  g_assert_no_error (error);
  return events->len;
}

/* limber_progression_update(), where data is recorded: a change the rules
 * decide is written once, dated when it was decided; updating again at once
 * starts from the new level and writes nothing; a read-only journal is only
 * read, without a warning. */
static void
test_update (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(LimberJournal) journal = open_ok (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2024, 3, 4, 8, 0, 0);
  g_autoptr(GDateTime) week1 = g_date_time_add_days (t0, 7);
  g_autoptr(GDateTime) later = g_date_time_add_days (t0, 8);
  g_autoptr(LimberProgressionDecision) applied = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GError) error = NULL;

  limber_catalog_load_bundled (catalog, &error);
  g_assert_no_error (error);

  /* nothing under way: nothing to do */
  g_assert_true (limber_progression_update (journal, catalog, t0, &applied, &error));
  g_assert_no_error (error);
  g_assert_null (applied);
  g_assert_cmpuint (count_events (journal), ==, 0);

  {
    g_autoptr(GDateTime) before = g_date_time_add_days (t0, -1);

    journal_checkin (journal, before, 3, 5);
  }
  g_assert_true (limber_journal_start_program (journal, "looser-hamstrings", t0, &error));
  for (guint day = 0; day < 6; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (t0, 24 * day + 2);

      if (day % 2 == 0)
        journal_session (journal, "looser-hamstrings-level-1", at, LIMBER_OUTCOME_COMPLETED);
      else
        journal_checkin (journal, at, 2, 4);
    }

  /* read-only: the due change is not written, and it is no error */
  journal->read_only_reason = g_strdup ("a test says so");
  g_assert_true (limber_progression_update (journal, catalog, week1, &applied, &error));
  g_assert_no_error (error);
  g_assert_null (applied);
  g_assert_cmpuint (count_events (journal), ==, 1);
  g_clear_pointer (&journal->read_only_reason, g_free);

  g_assert_true (limber_progression_update (journal, catalog, week1, &applied, &error));
  g_assert_no_error (error);
  g_assert_nonnull (applied);
  g_assert_cmpint (applied->action, ==, LIMBER_PROGRESSION_ADVANCE);
  g_assert_cmpuint (applied->new_level, ==, 2);
  g_clear_pointer (&applied, limber_progression_decision_free);
  g_assert_cmpuint (count_events (journal), ==, 2);
  state = limber_journal_get_current_program (journal, &error);
  g_assert_cmpuint (state->level, ==, 2);
  g_assert_cmpint (usec_of (state->level_since), ==, usec_of (week1));
  g_clear_pointer (&state, limber_program_state_free);

  /* twice in a row: the second starts from level 2, with nothing done yet */
  g_assert_true (limber_progression_update (journal, catalog, week1, &applied, &error));
  g_assert_null (applied);
  g_assert_true (limber_progression_update (journal, catalog, later, &applied, &error));
  g_assert_null (applied);
  g_assert_cmpuint (count_events (journal), ==, 2);

  /* a flare: one step back, once */
  {
    g_autoptr(GDateTime) at = g_date_time_add_hours (week1, 26);
    g_autoptr(GDateTime) after = g_date_time_add_hours (week1, 27);

    journal_checkin (journal, at, 6, 5);
    g_assert_true (limber_progression_update (journal, catalog, after, &applied, &error));
    g_assert_no_error (error);
    g_assert_nonnull (applied);
    g_assert_cmpint (applied->action, ==, LIMBER_PROGRESSION_STEP_BACK);
    g_assert_cmpstr (applied->text, ==, "Back to level 1 for now: your pain went up to 6, from about 3 when you started");
    g_clear_pointer (&applied, limber_progression_decision_free);
    g_assert_true (limber_progression_update (journal, catalog, after, &applied, &error));
    g_assert_null (applied);
  }
  g_assert_cmpuint (count_events (journal), ==, 3);
  state = limber_journal_get_current_program (journal, &error);
  g_assert_cmpuint (state->level, ==, 1);
}

static LimberProgram *
parse_program (LimberCatalog  *catalog,
               const char     *text,
               GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GHashTable) exercises = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = limber_catalog_get_exercises (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (list, i);

      g_hash_table_insert (exercises, (char *) limber_exercise_get_id (exercise), exercise);
    }
  g_assert_true (g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, NULL));
  return limber_program_new_from_key_file (key_file, text, "test.program", exercises, FALSE, error);
}

#define PROGRAM_HEAD "[Program]\nId=runs\nName=Runs\nSessionsToAdvance=4\n"
#define LEVEL_1_PARTS \
  "[Level 1]\nName=Easy\n" \
  "[Level 1 Part 1]\nName=Warm-up\n[Level 1 Part 1 Step 1]\nExercise=ankle-circles\n" \
  "[Level 1 Part 2]\nName=Cool-down\n[Level 1 Part 2 Step 1]\nExercise=standing-calf\nHold=20\n"

/* A level of two parts: the format, and how the rules count its sessions:
 * each completed part is one, a part stopped because it hurt steps back,
 * and the next part today is the first not done yet. */
static void
test_parts (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(LimberProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *text; const char *message; } bad[] = {
    { PROGRAM_HEAD LEVEL_1_PARTS "[Level 1 Step 1]\nExercise=ankle-circles\n", "so its steps go in its parts" },
    { PROGRAM_HEAD "[Level 1]\nName=Easy\n[Level 1 Part 2]\nName=Cool-down\n"
      "[Level 1 Part 2 Step 1]\nExercise=standing-calf\n", "there is no [Level 1 Part 1] group" },
    { PROGRAM_HEAD "[Level 1]\nName=Easy\n[Level 1 Part 1]\n[Level 1 Part 1 Step 1]\nExercise=ankle-circles\n",
      "Name" },
    { PROGRAM_HEAD "[Level 1]\nName=Easy\n[Level 1 Part 1]\nName=Warm-up\n", "must have 1 to" },
    { PROGRAM_HEAD LEVEL_1_PARTS "[Level 1 Part 2 Step 2]\nExercise=standing-calf\nHold=45\n", "at most 30 seconds" },
    { PROGRAM_HEAD "[Level 1]\nName=Easy\n[Level 1 Part 5]\nName=Five\n", "unknown group [Level 1 Part 5]" },
    { PROGRAM_HEAD "[Level 1]\nName=Easy\n[Level 1 Part x]\nName=X\n", "unknown group [Level 1 Part x]" },
  };

  limber_catalog_load_bundled (catalog, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LimberProgram) refused = parse_program (catalog, bad[i].text, &error);

      g_assert_null (refused);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, bad[i].message, error->message);
      g_clear_error (&error);
    }

  program = parse_program (catalog, PROGRAM_HEAD LEVEL_1_PARTS
                           "[Level 2]\nName=One session\n[Level 2 Step 1]\nExercise=ankle-circles\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limber_program_get_n_levels (program), ==, 2);
  g_assert_cmpuint (limber_program_get_n_parts (program, 1), ==, 2);
  g_assert_cmpuint (limber_program_get_n_parts (program, 2), ==, 1);
  g_assert_cmpstr (limber_program_get_part_name (program, 1, 1), ==, "Warm-up");
  g_assert_cmpstr (limber_program_get_part_name (program, 1, 2), ==, "Cool-down");
  g_assert_null (limber_program_get_part_name (program, 2, 1));
  g_assert_cmpstr (limber_routine_get_id (limber_program_get_part_routine (program, 1, 2)), ==, "runs-level-1-part-2");
  g_assert_cmpstr (limber_routine_get_name (limber_program_get_part_routine (program, 1, 2)), ==, "Runs, level 1: Cool-down");
  g_assert_cmpstr (limber_routine_get_id (limber_program_get_level_routine (program, 2)), ==, "runs-level-2");
  g_assert_cmpuint (limber_program_find_level (program, "runs-level-1-part-2"), ==, 1);
  g_assert_cmpuint (limber_program_find_level (program, "runs-level-1"), ==, 1);
  g_assert_cmpuint (limber_program_find_level (program, "runs-level-3"), ==, 0);

  /* the rules: parts are sessions; a flare in either part steps back */
  {
    g_autoptr(GDateTime) t0 = g_date_time_new_utc (2024, 3, 4, 8, 0, 0);
    g_autoptr(GDateTime) noon = g_date_time_add_hours (t0, 4);
    g_autoptr(GDateTime) evening = g_date_time_add_hours (t0, 10);
    g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_session_info_free);
    g_autoptr(LimberProgressionDecision) d = NULL;
    LimberProgramState state = { (char *) "runs", 1, t0, t0, FALSE, 0, 0 };
    static const char *ids[] = { "runs-level-1-part-1", "runs-level-1-part-2", "runs-level-1-part-1" };

    g_assert_cmpuint (limber_progression_next_part (program, 1, sessions, t0), ==, 1);
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        LimberSessionInfo *s = g_new0 (LimberSessionInfo, 1);

        s->routine_id = g_strdup (ids[i]);
        s->started_at = g_date_time_add_hours (t0, i);
        s->outcome = LIMBER_OUTCOME_COMPLETED;
        s->rating = -1;
        g_ptr_array_add (sessions, s);
        if (i == 0)
          /* the warm-up is done: the cool-down is next, until it is too */
          g_assert_cmpuint (limber_progression_next_part (program, 1, sessions, t0), ==, 2);
        if (i == 1)
          g_assert_cmpuint (limber_progression_next_part (program, 1, sessions, t0), ==, 1);
      }
    /* not done since the evening: the warm-up first again */
    g_assert_cmpuint (limber_progression_next_part (program, 1, sessions, evening), ==, 1);
    g_assert_cmpuint (limber_progression_next_part (program, 2, sessions, t0), ==, 1);

    d = limber_progression_decide (program, &state, sessions, NULL, noon);
    g_assert_cmpuint (d->sessions_done, ==, 3);
    g_assert_cmpstr (d->text, ==, "Staying at level 1: 1 more session to go");
    g_clear_pointer (&d, limber_progression_decision_free);

    state.level = 2;
    {
      LimberSessionInfo *s = g_new0 (LimberSessionInfo, 1);

      s->routine_id = g_strdup ("runs-level-2");
      s->started_at = g_date_time_add_hours (t0, 5);
      s->outcome = LIMBER_OUTCOME_STOPPED_FOR_PAIN;
      s->rating = -1;
      g_ptr_array_add (sessions, s);
    }
    d = limber_progression_decide (program, &state, sessions, NULL, evening);
    g_assert_cmpint (d->action, ==, LIMBER_PROGRESSION_STEP_BACK);
    g_clear_pointer (&d, limber_progression_decision_free);

    /* a cool-down stopped because it hurt, at level 1 of parts */
    state.level = 1;
    {
      LimberSessionInfo *s = g_new0 (LimberSessionInfo, 1);

      s->routine_id = g_strdup ("runs-level-1-part-2");
      s->started_at = g_date_time_add_hours (t0, 6);
      s->outcome = LIMBER_OUTCOME_STOPPED_FOR_PAIN;
      s->rating = -1;
      g_ptr_array_add (sessions, s);
    }
    d = limber_progression_decide (program, &state, sessions, NULL, evening);
    g_assert_cmpint (d->reason, ==, LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/progression/baseline", test_baseline);
  g_test_add_func ("/progression/no-data", test_no_data);
  g_test_add_func ("/progression/sparse-data", test_sparse_data);
  g_test_add_func ("/progression/steady-improvement", test_steady_improvement);
  g_test_add_func ("/progression/rising", test_rising);
  g_test_add_func ("/progression/flare-and-recovery", test_flare_and_recovery);
  g_test_add_func ("/progression/flare-at-level-1", test_flare_at_level_1);
  g_test_add_func ("/progression/journal-reset", test_journal_reset);
  g_test_add_func ("/progression/update", test_update);
  g_test_add_func ("/progression/parts", test_parts);

  return g_test_run ();
}

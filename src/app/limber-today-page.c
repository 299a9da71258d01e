/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-checkin.h"
#include "limber-journal-programs.h"
#include "limber-journal-stats.h"
#include "limber-progression.h"
#include "limber-time.h"
#include "limber-schedule.h"
#include "limber-stats.h"
#include "limber-suggestion.h"
#include "limber-today-page.h"

/* The Today page, the window's first: one thing to do now with one
 * button, today's check-in, the streak, this week's minutes against the
 * goal, and the next reminder. A journal with nothing in it yet gets a
 * welcome instead: what Limber does, a safety note, and two ways to begin.
 *
 * What to do now is today's session of the person's program when they
 * follow one, with the reason of a change of level made today or what the
 * rules (limber-progression.h) say now; the page never writes them.
 * Otherwise it comes from limber_suggest_routine() (the rule is written
 * there): a routine planned in the reminders, or one for the time of day.
 * The page reads the journal when it is shown and when told that the
 * journal changed, never while hidden. */
struct _LimberTodayPage
{
  GtkWidget              parent_instance;

  LimberCatalog         *catalog;
  LimberJournal         *journal;
  GSettings             *settings;
  LimberRemindersClient *reminders;
  GDateTime           *(*now_func) (gpointer user_data);
  gpointer               now_data;
  gboolean               stale;
  char                  *suggested;

  GtkStack              *stack;
  GtkWidget             *welcome_program_button;
  GtkLabel              *suggestion_heading;
  GtkLabel              *suggestion_title;
  GtkLabel              *suggestion_reason;
  GtkWidget             *suggestion_button;
  GtkWidget             *program_menu_button;
  GtkWidget             *program_row;
  AdwActionRow          *checkin_row;
  GtkButton             *checkin_button;
  AdwActionRow          *streak_row;
  AdwActionRow          *week_row;
  GtkLevelBar           *week_bar;
  AdwActionRow          *reminder_row;
};

G_DEFINE_FINAL_TYPE (LimberTodayPage, limber_today_page, GTK_TYPE_WIDGET)

static GDateTime *
get_now (LimberTodayPage *self)
{
  return self->now_func ? self->now_func (self->now_data) : limber_time_now_local ();
}

static char *
describe_reason (const LimberSuggestion *suggestion)
{
  switch (suggestion->reason)
    {
    case LIMBER_SUGGESTION_PLANNED:
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (suggestion->planned_at / G_USEC_PER_SEC);
        g_autoptr(GDateTime) at = utc ? limber_time_to_local (utc) : NULL;
        g_autofree char *time = at ? g_date_time_format (at, "%H:%M") : g_strdup ("");

        /* Translators: %s is a time of day, e.g. 07:00, from the person's reminders */
        return g_strdup_printf (_("You planned it for %s in your reminders."), time);
      }
    case LIMBER_SUGGESTION_MORNING:
      return g_strdup (_("Muscles are often stiffest after a night’s rest; a gentle start helps."));
    case LIMBER_SUGGESTION_WORKDAY:
      return g_strdup (_("Two minutes away from the desk, for the hours spent sitting."));
    case LIMBER_SUGGESTION_DAYTIME:
      return g_strdup (_("A gentle session for a day off."));
    case LIMBER_SUGGESTION_EVENING:
      return g_strdup (_("Slow stretches to wind down the day."));
    case LIMBER_SUGGESTION_NIGHT:
    default:
      return g_strdup (_("Slow, quiet stretches that will not wake you up."));
    }
}

/* Why the program is where it is: the reason of a change of level made
 * today, else what the rules say now. */
static char *
describe_program (LimberTodayPage                 *self,
                  const LimberProgramState        *state,
                  const LimberProgressionDecision *decision,
                  GDateTime                       *now)
{
  g_autoptr(GDateTime) midnight = limber_time_start_of_today (now);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const LimberProgramEvent *latest = NULL;

  events = limber_journal_list_program_events (self->journal, midnight, NULL, &error);
  if (events == NULL)
    g_message ("Could not read the program’s changes: %s", error->message);
  else if (events->len > 0)
    latest = g_ptr_array_index (events, events->len - 1);
  if (latest != NULL && latest->kind == LIMBER_PROGRAM_EVENT_LEVEL_CHANGED &&
      latest->reason != NULL && latest->level == state->level &&
      g_strcmp0 (latest->program_id, state->program_id) == 0)
    return g_strdup (latest->reason);
  return g_strdup (decision->text);
}

/* Following a program: its level's routine, and why. The page only reads:
 * the rules' changes of level are written where data is recorded
 * (limber_progression_update(), from the window and the command line), so
 * drawing the page never writes to the journal. */
static gboolean
update_program (LimberTodayPage *self,
                GDateTime       *now)
{
  g_autoptr(LimberProgressionDecision) decision = NULL;
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  LimberProgram *program;
  LimberRoutine *routine;
  guint level, part;

  decision = limber_progression_evaluate (self->journal, self->catalog, now, &state, &error);
  if (decision == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the program: %s", error->message);
      return FALSE;
    }
  program = limber_catalog_lookup_program (self->catalog, state->program_id);
  if (program == NULL)
    return FALSE;
  level = decision->level;
  /* a level of parts: the first not done today (the warm-up, then after
   * it the cool-down) */
  part = limber_progression_get_next_part (self->journal, program, level, now, &error);
  if (part == 0)
    {
      g_message ("Could not read today’s sessions: %s", error->message);
      part = 1;
    }
  routine = limber_program_get_part_routine (program, level, part);

  g_free (self->suggested);
  self->suggested = g_strdup (limber_routine_get_id (routine));
  reason = describe_program (self, state, decision, now);
  /* Translators: the program's level now, of how many */
  heading = g_strdup_printf (_("Your program · level %u of %u"), level, limber_program_get_n_levels (program));
  if (limber_program_get_part_name (program, level, part) != NULL)
    /* Translators: the program's name, the level's own name, then the part of it to do now, e.g. "Runner's warm-up and cool-down: Short and easy — Warm-up, before you run" */
    title = g_strdup_printf (_("%s: %s — %s"), limber_program_get_name (program),
                             limber_program_get_level_name (program, level),
                             limber_program_get_part_name (program, level, part));
  else
    /* Translators: the program's name, then the level's own name */
    title = g_strdup_printf (_("%s: %s"), limber_program_get_name (program), limber_program_get_level_name (program, level));
  gtk_label_set_label (self->suggestion_heading, heading);
  gtk_label_set_label (self->suggestion_title, title);
  gtk_label_set_label (self->suggestion_reason, reason);
  /* the name first: a target left over from a routine would not match */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->suggestion_button), NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), "win.start-program-session");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestion_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_widget_set_visible (gtk_widget_get_parent (self->suggestion_button), TRUE);
  return TRUE;
}

/* A suggested routine that is missing (a test catalog, or a data set
 * without it) gives way to the first routine there is. */
static void
update_suggestion (LimberTodayPage *self,
                   GDateTime       *now)
{
  g_autoptr(LimberScheduleConfig) config = NULL;
  LimberSuggestion suggestion;
  LimberRoutine *routine;
  g_autofree char *reason = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *heading = NULL;

  if (self->settings != NULL)
    config = limber_schedule_config_from_settings (self->settings);
  limber_suggest_routine (config, now, &suggestion);
  routine = limber_catalog_lookup_routine (self->catalog, suggestion.routine_id);
  if (routine == NULL && g_list_model_get_n_items (limber_catalog_get_routines (self->catalog)) > 0)
    {
      routine = g_list_model_get_item (limber_catalog_get_routines (self->catalog), 0);
      g_object_unref (routine);   /* the catalog keeps it */
    }
  gtk_widget_set_visible (gtk_widget_get_parent (self->suggestion_button), routine != NULL);
  if (routine == NULL)
    return;

  g_free (self->suggested);
  self->suggested = g_strdup (limber_routine_get_id (routine));
  reason = describe_reason (&suggestion);
  duration = limber_format_duration_rounded (limber_routine_get_duration (routine));
  /* Translators: above the routine suggested now, with its length */
  heading = g_strdup_printf (_("Now · %s"), duration);
  gtk_label_set_label (self->suggestion_heading, heading);
  gtk_label_set_label (self->suggestion_title, limber_routine_get_name (routine));
  gtk_label_set_label (self->suggestion_reason, reason);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->suggestion_button), "s", self->suggested);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->suggestion_button), "win.start-routine");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestion_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, limber_routine_get_name (routine), -1);
}

static void
update_checkin (LimberTodayPage *self,
                GDateTime       *now)
{
  g_autoptr(GDateTime) midnight = limber_time_start_of_today (now);
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  const LimberCheckin *latest = NULL;

  checkins = limber_journal_list_checkins (self->journal, midnight, NULL, &error);
  if (checkins == NULL)
    g_message ("Could not read today’s check-ins: %s", error->message);
  /* in order of time: the last is the latest */
  if (checkins != NULL && checkins->len > 0)
    latest = g_ptr_array_index (checkins, checkins->len - 1);

  if (latest != NULL)
    {
      g_autoptr(GDateTime) local = limber_time_to_local (latest->time);
      g_autofree char *at = g_date_time_format (local, "%H:%M");
      /* Translators: today's check-in: pain, stiffness, then the time */
      g_autofree char *text = g_strdup_printf (_("Pain %d, stiffness %d, at %s"),
                                               latest->pain, latest->stiffness, at);

      adw_action_row_set_subtitle (self->checkin_row, text);
    }
  else
    adw_action_row_set_subtitle (self->checkin_row, _("Not yet today: it takes ten seconds"));
  gtk_widget_set_css_classes (GTK_WIDGET (self->checkin_button),
                              latest ? (const char *[]) { "flat", NULL } : (const char *[]) { "suggested-action", NULL });
}

static void
update_progress (LimberTodayPage *self,
                 GDateTime       *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = limber_time_start_of_today (now);
  g_autoptr(GDateTime) monday = g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (now));
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *week = NULL;
  guint current = 0, best = 0, minutes = 0;
  guint goal = self->settings ? g_settings_get_uint (self->settings, "weekly-goal-minutes") : 60;

  if (!limber_journal_compute_streaks (self->journal, now, &current, &best, &error))
    {
      g_message ("Could not count the streak: %s", error->message);
      g_clear_error (&error);
    }
  if (current == 0)
    streak = g_strdup (_("Stretch today to start one"));
  else
    /* Translators: days in a row with a routine, then the best ever */
    streak = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day in a row (best %u)",
                                           "%u days in a row (best %u)", current),
                              current, best);
  adw_action_row_set_subtitle (self->streak_row, streak);

  sessions = limber_journal_list_sessions_between (self->journal, monday, NULL, &error);
  if (sessions == NULL)
    g_message ("Could not read this week’s sessions: %s", error->message);
  else
    {
      weeks = limber_stats_weekly_minutes (sessions, now, 1);
      if (weeks->len > 0)
        minutes = g_array_index (weeks, LimberWeekMinutes, weeks->len - 1).minutes;
    }
  /* Translators: minutes stretched this week against the weekly goal */
  week = g_strdup_printf (_("%u of %u min"), minutes, goal);
  adw_action_row_set_subtitle (self->week_row, week);
  gtk_level_bar_set_max_value (self->week_bar, MAX (goal, 1));
  gtk_level_bar_set_value (self->week_bar, MIN (minutes, MAX (goal, 1)));
}

static void
update_reminder (LimberTodayPage *self,
                 GDateTime       *now)
{
  g_autofree char *text = self->reminders ? limber_reminders_client_describe_next (self->reminders, now) : NULL;

  adw_action_row_set_subtitle (self->reminder_row, text ? text : _("None planned"));
}

/**
 * limber_today_page_update_reminder:
 *
 * Says again when the next reminder is: the window calls it as the
 * reminder service changes and as the minutes pass.
 */
void
limber_today_page_update_reminder (LimberTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (LIMBER_IS_TODAY_PAGE (self));
  now = get_now (self);
  update_reminder (self, now);
}

/**
 * limber_today_page_reload:
 *
 * Reads the journal again, now if the page is shown, else when it next is.
 */
void
limber_today_page_reload (LimberTodayPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;
  gboolean following;

  g_return_if_fail (LIMBER_IS_TODAY_PAGE (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  now = get_now (self);
  if (self->journal == NULL || !limber_journal_is_empty (self->journal, &empty, &error))
    {
      if (error != NULL)
        g_message ("Could not read the journal: %s", error->message);
      empty = FALSE;
    }
  following = self->journal != NULL && update_program (self, now);
  if (!following)
    update_suggestion (self, now);
  gtk_widget_set_visible (self->program_menu_button, following);
  gtk_widget_set_visible (self->program_row, !following &&
                          g_list_model_get_n_items (limber_catalog_get_programs (self->catalog)) > 0);
  gtk_widget_set_visible (self->welcome_program_button,
                          g_list_model_get_n_items (limber_catalog_get_programs (self->catalog)) > 0);
  if (self->journal != NULL && !empty)
    {
      update_checkin (self, now);
      update_progress (self, now);
    }
  update_reminder (self, now);
  gtk_stack_set_visible_child_name (self->stack, empty ? "welcome" : "today");
}

static void
limber_today_page_map (GtkWidget *widget)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (limber_today_page_parent_class)->map (widget);
  if (self->stale)
    limber_today_page_reload (self);
}

static void
limber_today_page_dispose (GObject *object)
{
  LimberTodayPage *self = LIMBER_TODAY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_TODAY_PAGE);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->reminders);
  g_clear_pointer (&self->suggested, g_free);

  G_OBJECT_CLASS (limber_today_page_parent_class)->dispose (object);
}

static void
limber_today_page_class_init (LimberTodayPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_today_page_dispose;
  widget_class->map = limber_today_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, welcome_program_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, suggestion_heading);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, suggestion_title);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, suggestion_reason);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, program_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, program_row);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, checkin_row);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, checkin_button);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, streak_row);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, week_row);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, week_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberTodayPage, reminder_row);
  /* for tests, which look them up by name */
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_try_button", FALSE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-today-page");
}

static void
limber_today_page_init (LimberTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  self->stale = TRUE;
}

GtkWidget *
limber_today_page_new (LimberCatalog         *catalog,
                       LimberJournal         *journal,
                       GSettings             *settings,
                       LimberRemindersClient *reminders)
{
  LimberTodayPage *self = g_object_new (LIMBER_TYPE_TODAY_PAGE, NULL);

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);

  self->catalog = g_object_ref (catalog);
  g_set_object (&self->journal, journal);
  g_set_object (&self->settings, settings);
  g_set_object (&self->reminders, reminders);
  return GTK_WIDGET (self);
}

/* For tests: the clock the page reads "now" from. */
void
limber_today_page_set_now_func (LimberTodayPage *self,
                                GDateTime     *(*now_func) (gpointer user_data),
                                gpointer         user_data)
{
  g_return_if_fail (LIMBER_IS_TODAY_PAGE (self));
  self->now_func = now_func;
  self->now_data = user_data;
  limber_today_page_reload (self);
}

/* The id of the routine the page offers now, or %NULL. */
const char *
limber_today_page_get_suggested_routine (LimberTodayPage *self)
{
  g_return_val_if_fail (LIMBER_IS_TODAY_PAGE (self), NULL);
  return self->suggested;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking in and looking back, as a person does it in the window: the
 * check-in form, the advisory (once), editing, deleting with undo, and the
 * history page over a year of journal. */
#include <glib/gstdio.h>
#include <math.h>

#include "limber-application.h"
#include "limber-checkin-dialog.h"
#include "limber-history-list.h"
#include "limber-history-page.h"
#include "limber-journal-private.h"
#include "limber-rating.h"
#include "limber-report-range-dialog.h"
#include "limber-window.h"
#include "ten-years.h"
#include "test-require.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;
static LimberJournal *journal;

static guint
count_checkins (void)
{
  g_autoptr(GPtrArray) all = limber_journal_list_checkins (journal, NULL, NULL, NULL);

  return all->len;
}

static LimberCheckinDialog *
open_form (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) != NULL);
  return LIMBER_CHECKIN_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG));
}

static void
close_message (const char *heading)
{
  AdwMessageDialog *dialog;

  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  limber_test_screenshot (GTK_WIDGET (dialog), "advisory.png");
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/* The form in the window: every field reaches the journal. */
static void
test_check_in (void)
{
  LimberCheckinDialog *dialog = open_form ();
  g_autoptr(GPtrArray) all = NULL;
  LimberCheckin *saved;
  guint before = count_checkins ();

  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 3);
  limber_rating_set_value (limber_test_child (dialog, "stiffness_rating"), 6);
  adw_combo_row_set_selected (limber_test_child (dialog, "side_row"), LIMBER_BODY_SIDE_LEFT);
  adw_expander_row_set_enable_expansion (limber_test_child (dialog, "morning_row"), TRUE);
  gtk_spin_button_set_value (limber_test_child (dialog, "morning_spin"), 25);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (limber_test_child (dialog, "note_view")),
                            "Slept badly & <i>tight</i> on the stairs; 走路\nsecond line", -1);
  gtk_test_accessible_assert_relation (limber_test_child (dialog, "pain_rating"), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       limber_test_child (dialog, "pain_label"), NULL);
  gtk_test_accessible_assert_relation (limber_test_child (dialog, "stiffness_rating"), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       limber_test_child (dialog, "stiffness_label"), NULL);
  limber_test_screenshot (GTK_WIDGET (dialog), "check-in.png");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  g_assert_null (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  all = limber_journal_list_checkins (journal, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, before + 1);
  saved = g_ptr_array_index (all, all->len - 1);
  g_assert_cmpint (saved->pain, ==, 3);
  g_assert_cmpint (saved->stiffness, ==, 6);
  g_assert_cmpint (saved->side, ==, LIMBER_BODY_SIDE_LEFT);
  g_assert_cmpint (saved->morning_stiffness, ==, 25);
  g_assert_cmpint (saved->symptoms, ==, LIMBER_SYMPTOM_NONE);
  g_assert_cmpstr (saved->note, ==, "Slept badly & <i>tight</i> on the stairs; 走路\nsecond line");
}

/* Numbness brings a calm advisory, once. */
static void
test_advisory_once (void)
{
  for (int round = 0; round < 2; round++)
    {
      LimberCheckinDialog *dialog = open_form ();

      limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 4);
      limber_rating_set_value (limber_test_child (dialog, "stiffness_rating"), 2);
      gtk_switch_set_active (limber_test_child (dialog, "numbness_switch"), TRUE);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
      WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);

      if (round == 0)
        close_message ("Worth a Professional’s Look");
      else
        {
          limber_test_settle ();
          g_assert_null (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
        }
    }
}

/* Editing opens the form filled in, and saves over the same check-in. */
static void
test_edit (void)
{
  g_autoptr(GPtrArray) all = limber_journal_list_checkins (journal, NULL, NULL, NULL);
  LimberCheckin *first = g_ptr_array_index (all, 0);
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  LimberCheckinDialog *dialog;
  g_autoptr(LimberCheckin) after = NULL;
  guint before = all->len;

  g_signal_emit_by_name (page, "edit-checkin", first);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) != NULL);
  dialog = LIMBER_CHECKIN_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG));
  g_assert_cmpint (limber_rating_get_value (limber_test_child (dialog, "pain_rating")), ==, first->pain);
  g_assert_cmpint (limber_rating_get_value (limber_test_child (dialog, "stiffness_rating")), ==, first->stiffness);
  g_assert_true (gtk_widget_is_sensitive (limber_test_child (dialog, "save_button")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Check-In");

  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);

  after = limber_journal_get_checkin (journal, first->id, NULL);
  g_assert_nonnull (after);
  g_assert_cmpint (after->pain, ==, 1);
  g_assert_cmpint (after->stiffness, ==, first->stiffness);
  g_assert_cmpstr (after->note, ==, first->note);
  g_assert_cmpuint (count_checkins (), ==, before);
}

/* Delete, then Undo on the toast brings it back with the same id. */
static void
test_delete_undo (void)
{
  g_autoptr(GPtrArray) all = limber_journal_list_checkins (journal, NULL, NULL, NULL);
  g_autoptr(LimberCheckin) victim = limber_checkin_copy (g_ptr_array_index (all, all->len - 1));
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  g_autoptr(LimberCheckin) back = NULL;
  guint before = all->len;

  g_signal_emit_by_name (page, "delete-checkin", victim);
  g_assert_cmpuint (count_checkins (), ==, before - 1);
  g_assert_null (limber_journal_get_checkin (journal, victim->id, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
  g_assert_cmpuint (count_checkins (), ==, before);
  back = limber_journal_get_checkin (journal, victim->id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->pain, ==, victim->pain);
  g_assert_cmpstr (back->note, ==, victim->note);
}

/* A full year in the journal, seen on a fixed day. */
static void
fill_year (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);

  for (int d = 365; d >= 1; d--)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (today, -d);
      g_autoptr(GDateTime) at8 = g_date_time_add_hours (morning, -12);
      g_autoptr(LimberCheckin) c = limber_checkin_new ();
      gboolean routine = (d % 7) != 0 && (d % 5) != 0;

      g_date_time_unref (c->time);
      c->time = g_date_time_ref (at8);
      /* pain slowly eases over the year */
      c->pain = CLAMP (6 - (365 - d) / 80 + (d % 3), 0, 10);
      c->stiffness = CLAMP (c->pain + 1, 0, 10);
      c->side = LIMBER_BODY_SIDE_BOTH;
      c->morning_stiffness = 10 + (d % 4) * 5;
      g_assert_cmpint (limber_journal_add_checkin (journal, c, NULL), >, 0);

      if (routine)
        {
          g_autoptr(GDateTime) at18 = g_date_time_add_hours (morning, -2);
          gint64 id = limber_journal_start_session (journal, "morning-hamstrings", "Morning hamstrings",
                                                    at18, 365000, NULL);
          g_autoptr(GDateTime) end = g_date_time_add_minutes (at18, 6);

          g_assert_cmpint (id, >, 0);
          g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, end, 365000, NULL));
          g_assert_true (limber_journal_set_session_rating (journal, id, MAX (c->pain - 1, 0), NULL));
        }
    }
}

/* The action rows anywhere below @widget. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (widget))
    {
      g_test_message ("row: %s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                      adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
      return 1;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

/* Reminders the service sent this week, and what became of them, and a
 * test notification. */
static void
log_reminders (void)
{
  g_autoptr(GDateTime) due = g_date_time_new_local (2026, 11, 19, 15, 0, 0);
  static const LimberReminderOutcome outcomes[] = {
    LIMBER_REMINDER_OUTCOME_STARTED, LIMBER_REMINDER_OUTCOME_SNOOZED, LIMBER_REMINDER_OUTCOME_DISMISSED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      gint64 id = limber_journal_log_reminder (journal, LIMBER_REMINDER_BREAK, "desk-break", due, FALSE, NULL);

      g_assert_cmpint (id, >, 0);
      g_assert_true (limber_journal_set_reminder_outcome (journal, id, outcomes[i], NULL));
    }
  /* a test notification from Preferences counts in nothing */
  g_assert_cmpint (limber_journal_log_test_reminder_keyed (journal, "5d1c8e2a-3b4f-4a6e-9d7c-1e2f3a4b5c6d",
                                                           LIMBER_REMINDER_BREAK, "desk-break", due, NULL), >, 0);
}

static void
test_history_year (void)
{
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);
  const char *summary;

  fill_year ();
  log_reminders ();
  limber_history_page_set_today (page, today);
  adw_view_stack_set_visible_child_name (stack, "history");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (limber_test_child (page, "stack")), ==, "history");
  summary = gtk_label_get_label (limber_test_child (page, "chart_summary"));
  g_assert_nonnull (strstr (summary, "pain"));
  g_assert_nonnull (adw_action_row_get_subtitle (limber_test_child (page, "streak_row")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (limber_test_child (page, "week_row")), "min"));
  g_assert_true (gtk_widget_get_visible (limber_test_child (page, "reminders_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (limber_test_child (page, "reminders_row")), ==,
                   "3 shown · 1 acted on · 1 snoozed");
  limber_test_screenshot (GTK_WIDGET (window), "history.png");

  gtk_drop_down_set_selected (limber_test_child (page, "range_dropdown"), 3);
  limber_test_screenshot (GTK_WIDGET (window), "history-year.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  limber_test_screenshot (GTK_WIDGET (window), "history-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* the insights, with the number of days behind each and a caveat */
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (limber_test_child (page, "scroller"));
    GtkWidget *group = limber_test_child (page, "insights_group");
    GtkWidget *content = gtk_scrolled_window_get_child (limber_test_child (page, "scroller"));
    graphene_rect_t bounds;
    guint n_rows = 0;

    n_rows = count_rows (group);
    g_assert_cmpuint (n_rows, ==, 3);

    g_assert_true (gtk_widget_compute_bounds (group, content, &bounds));
    gtk_adjustment_set_value (adj, bounds.origin.y - 24);
    limber_test_screenshot (GTK_WIDGET (window), "history-insights.png");
    gtk_adjustment_set_value (adj, 0);
  }
  adw_view_stack_set_visible_child_name (stack, "routines");
}

/* The label below @widget whose text holds @needle. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      return text && strstr (text, needle) ? widget : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, needle);

      if (found)
        return found;
    }
  return NULL;
}

static void
show_journal (LimberHistoryPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "history.show-journal", NULL);
  WAIT_FOR (g_strcmp0 (adw_leaflet_get_visible_child_name (limber_test_child (page, "leaflet")), "journal") == 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
hide_journal (LimberHistoryPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "history.back", NULL);
  WAIT_FOR (g_strcmp0 (adw_leaflet_get_visible_child_name (limber_test_child (page, "leaflet")), "overview") == 0);
}

/* A note another program wrote as invalid UTF-8 reaches the page as valid
 * text with U+FFFD (GTK would warn, fatally here, at invalid UTF-8). */
static void
test_invalid_utf8 (void)
{
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);
  g_autoptr(LimberCheckin) c = limber_checkin_new ();
  GtkWidget *row;
  gint64 id;

  g_date_time_unref (c->time);
  c->time = g_date_time_add_hours (today, -1);
  c->pain = 2;
  c->stiffness = 2;
  c->note = g_strdup ("to be spoilt");
  id = limber_journal_add_checkin (journal, c, NULL);
  g_assert_cmpint (id, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE checkins SET note = CAST(X'6261642DFFFE2D6E6F7465C3' AS TEXT) "
                                            "WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_cmpint (sqlite3_exec (_limber_journal_get_handle_for_testing (journal), sql, NULL, NULL, NULL),
                     ==, SQLITE_OK);
  }

  limber_history_page_set_today (page, today);
  limber_history_page_reload (page);
  adw_view_stack_set_visible_child_name (stack, "history");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  show_journal (page);
  row = find_label (GTK_WIDGET (page), "bad-");
  g_assert_nonnull (row);
  g_assert_true (g_utf8_validate (gtk_label_get_label (GTK_LABEL (row)), -1, NULL));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (row)),
                            "bad-\xef\xbf\xbd\xef\xbf\xbd-note\xef\xbf\xbd"));
  hide_journal (page);
  adw_view_stack_set_visible_child_name (stack, "routines");
}

/* In a phone-wide window, a whole-journal row's long title wraps and
 * nothing is cut, and the row says the whole text to a screen reader. */
static void
test_journal_rows_narrow (void)
{
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);
  g_autoptr(GDateTime) started = g_date_time_add_hours (today, -2);
  g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 7);
  const char *name = "Hamstring routine from the physiotherapist after the knee operation, week three";
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *title, *subtitle, *row;
  int width, height;
  gint64 id;

  id = limber_journal_start_session (journal, "my-long-routine", name, started, 420000, &error);
  g_assert_no_error (error);
  g_assert_true (limber_journal_finish_session (journal, id, LIMBER_OUTCOME_COMPLETED, ended, 420000, &error));

  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, 360, 640);
  limber_history_page_set_today (page, today);
  limber_history_page_reload (page);
  adw_view_stack_set_visible_child_name (stack, "history");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  show_journal (page);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) <= 400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  title = find_label (GTK_WIDGET (page), "after the knee operation");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, name);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), >, 1);
  subtitle = gtk_widget_get_next_sibling (title);
  /* a completed session's icon says it was done (not a "play" button) */
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (gtk_widget_get_prev_sibling (gtk_widget_get_parent (title)))),
                   ==, "object-select-symbolic");
  row = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (title)));
  expected = g_strdup_printf ("Today, %s, %s", name, gtk_label_get_text (GTK_LABEL (subtitle)));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  limber_test_screenshot (GTK_WIDGET (window), "history-journal-narrow.png");
  /* the keyboard's focus ring goes round the entry, not its day heading */
  gtk_window_set_focus_visible (window, TRUE);
  gtk_widget_grab_focus (gtk_widget_get_parent (row));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  limber_test_screenshot (GTK_WIDGET (window), "history-journal-narrow-focus.png");

  hide_journal (page);
  g_assert_true (limber_journal_delete_session (journal, id, NULL, NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (window, width, height);
  adw_view_stack_set_visible_child_name (stack, "routines");
}

/* The chart says a day's values on hover and keyboard focus, in a label
 * and in its accessible description. */
static void
test_chart_day (void)
{
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);
  GtkWidget *chart = limber_test_child (page, "chart");
  GtkLabel *label = limber_test_child (page, "chart_day_label");
  const char *text;

  limber_history_page_set_today (page, today);
  adw_view_stack_set_visible_child_name (stack, "history");
  gtk_drop_down_set_selected (limber_test_child (page, "range_dropdown"), 0);  /* 7 days */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* the keyboard: focus lands on the last day, the arrows move it */
  gtk_widget_grab_focus (chart);
  WAIT_FOR (gtk_widget_has_focus (chart));
  text = gtk_label_get_label (label);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Friday 20 November 2026"));
  g_assert_nonnull (strstr (text, "minute"));
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  {
    /* the 19th: pain and stiffness from fill_year(), six minutes of routine */
    g_autoptr(GPtrArray) all = limber_journal_list_checkins (journal, NULL, NULL, NULL);

    limber_history_page_focus_chart_day (page, 5);
    text = gtk_label_get_label (label);
    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "Thursday 19 November 2026: pain "));
    g_assert_nonnull (strstr (text, "stiffness "));
    g_assert_nonnull (strstr (text, "6 minutes stretched"));
  }
  limber_test_screenshot (GTK_WIDGET (window), "history-chart-day.png");

  /* the pointer: the chart's left half is the week's first days */
  {
    GtkEventController *motion = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (chart);

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && motion == NULL; i++)
      {
        g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
          motion = GTK_EVENT_CONTROLLER (c);
      }
    g_object_unref (controllers);
    g_assert_nonnull (motion);
    g_signal_emit_by_name (motion, "motion", gtk_widget_get_width (chart) * 0.2, 100.0);
    text = gtk_label_get_label (label);
    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "November 2026"));
    g_assert_null (strstr (text, "19 November"));
  }
  gtk_drop_down_set_selected (limber_test_child (page, "range_dropdown"), 1);
  adw_view_stack_set_visible_child_name (stack, "routines");
}

/* Ten years, in one list that reads the journal a page at a time: the
 * list scrolls to the very first day, its entries open and delete with
 * Undo, sessions too (with their parts). */
static void
fill_ten_years (void)
{
  sqlite3 *db = _limber_journal_get_handle_for_testing (journal);
  g_autoptr(GDateTime) first = g_date_time_new_local (2015, 11, 1, 0, 0, 0);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 3650; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i);

      bench_add_day (journal, day, i);
    }
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
screenshot_at (LimberHistoryPage *page,
               int                width,
               int                height,
               const char        *name)
{
  g_autofree char *light = g_strdup_printf ("history-%s-light.png", name);
  g_autofree char *dark = g_strdup_printf ("history-%s-dark.png", name);

  /* no window manager under Xvfb: a hidden window takes its new size when shown */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (window)) <= width + 64 && gtk_widget_get_width (GTK_WIDGET (window)) >= width - 64);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  limber_test_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  limber_test_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_whole_journal (void)
{
  LimberHistoryPage *page = limber_window_get_history_page (LIMBER_WINDOW (window));
  AdwViewStack *stack = limber_test_child (window, "view_stack");
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 20, 20, 0, 0);
  GtkWidget *view = limber_test_child (page, "journal_view");
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (limber_test_child (page, "journal_scroller"));
  GListModel *list = limber_history_page_get_list (page);
  g_autoptr(LimberHistoryItem) last = NULL;
  const LimberJournalEntry *entry;
  guint n, year_back = 0;
  int width, height;

  fill_ten_years ();
  limber_history_page_set_today (page, today);
  adw_view_stack_set_visible_child_name (stack, "history");
  show_journal (page);

  n = (guint) limber_journal_count_entries (journal, NULL);
  g_assert_cmpuint (n, >=, 2 * 3650);
  g_test_message ("%u entries, %u read to show the first rows", n,
                  limber_history_list_get_n_loaded (LIMBER_HISTORY_LIST (list)));
  /* the first rows read about two screens of entries, not ten years: the
   * list loads as it scrolls */
  g_assert_cmpuint (limber_history_list_get_n_loaded (LIMBER_HISTORY_LIST (list)), <=, 80);
  g_assert_false (limber_history_list_is_complete (LIMBER_HISTORY_LIST (list)));
  g_assert_nonnull (find_label (view, "Today"));

  /* to the first day, as the scroll bar dragged to the end again and again:
   * each time the list reads on from where it was */
  for (guint i = 0, before = 0; i < 400 && !limber_history_list_is_complete (LIMBER_HISTORY_LIST (list)); i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      limber_test_settle ();
      if (i % 10 == 9)
        {
          /* it does read on */
          g_assert_cmpuint (g_list_model_get_n_items (list), >, before);
          before = g_list_model_get_n_items (list);
        }
    }
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  limber_test_settle ();
  /* scrolling back read the rest, as the view asked */
  g_assert_true (limber_history_list_is_complete (LIMBER_HISTORY_LIST (list)));
  g_assert_cmpuint (limber_history_list_get_n_loaded (LIMBER_HISTORY_LIST (list)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);
  entry = limber_history_item_get_entry (last);
  g_assert_cmpint (entry->kind, ==, LIMBER_JOURNAL_ENTRY_CHECKIN);
  g_assert_cmpint (g_date_time_get_year (entry->checkin->time), ==, 2015);
  g_assert_cmpint (g_date_time_get_month (entry->checkin->time), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (entry->checkin->time), ==, 1);
  g_assert_nonnull (find_label (view, "Sunday 1 November 2015"));
  limber_test_screenshot (GTK_WIDGET (window), NULL);

  /* a year back, for the pictures */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberHistoryItem) item = g_list_model_get_item (list, i);

      if (limber_history_item_get_entry (item)->time_usec < (g_date_time_to_unix (today) - 365 * 86400LL) * G_USEC_PER_SEC)
        {
          year_back = i;
          break;
        }
    }
  gtk_widget_activate_action (view, "list.scroll-to-item", "u", year_back);
  gtk_widget_activate_action (view, "list.select-item", "(ubb)", year_back, FALSE, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_get_default_size (window, &width, &height);
  screenshot_at (page, 360, 640, "360x640");
  screenshot_at (page, 1280, 800, "1280x800");
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Enter opens a session: the dialog offers Delete; Undo brings it back with its parts */
  {
    LimberHistoryItem *selected;
    const LimberJournalEntry *e;
    g_autoptr(LimberSessionInfo) session = NULL;
    g_autoptr(GPtrArray) parts = NULL;
    guint i = year_back;
    AdwMessageDialog *dialog;

    for (;; i++)
      {
        g_autoptr(LimberHistoryItem) item = g_list_model_get_item (list, i);

        if (limber_history_item_get_entry (item)->kind == LIMBER_JOURNAL_ENTRY_SESSION)
          break;
      }
    gtk_widget_activate_action (view, "list.select-item", "(ubb)", i, FALSE, FALSE);
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
    e = limber_history_item_get_entry (selected);
    g_assert_cmpint (e->kind, ==, LIMBER_JOURNAL_ENTRY_SESSION);
    session = limber_session_info_copy (e->session);
    g_assert_true (limber_journal_record_part (journal, session->id, 0, LIMBER_SIDE_LEFT, "seated-hamstring",
                                               30000, 30000, FALSE, session->active_ms, NULL));

    g_signal_emit_by_name (view, "activate", i);
    WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
    dialog = ADW_MESSAGE_DIALOG (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Morning hamstrings");
    limber_test_screenshot (GTK_WIDGET (dialog), "history-session.png");
    adw_message_dialog_response (dialog, "delete");
    gtk_window_close (GTK_WINDOW (dialog));
    WAIT_FOR (limber_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);

    g_assert_null (limber_journal_list_parts (journal, session->id, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
    parts = limber_journal_list_parts (journal, session->id, NULL);
    g_assert_nonnull (parts);
    g_assert_cmpuint (parts->len, ==, 1);
    /* the list, read back to the first day, still is */
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
    g_assert_true (limber_history_list_is_complete (LIMBER_HISTORY_LIST (list)));
  }

  /* the Delete key deletes the selected check-in, with Undo */
  {
    g_autoptr(LimberHistoryItem) item = NULL;
    gint64 id;
    guint i = 0;

    for (;; i++)
      {
        g_clear_object (&item);
        item = g_list_model_get_item (list, i);
        if (limber_history_item_get_entry (item)->kind == LIMBER_JOURNAL_ENTRY_CHECKIN)
          break;
      }
    id = limber_history_item_get_entry (item)->id;
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", i);
    gtk_widget_activate_action (view, "list.select-item", "(ubb)", i, FALSE, FALSE);
    gtk_widget_grab_focus (view);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    /* what the Delete key does in the list */
    gtk_widget_activate_action (view, "history.delete-selected", NULL);
    g_assert_null (limber_journal_get_checkin (journal, id, NULL));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL);
    g_assert_nonnull (limber_journal_get_checkin (journal, id, NULL));
  }

  hide_journal (page);
  adw_view_stack_set_visible_child_name (stack, "routines");
}

/* Exporting from the window, as a person does it: the action opens a file
 * chooser, the person picks a new file, and the file is written in a
 * thread while the window goes on; a new export is private. */
static void
export_through_chooser (GtkWindow  *from,
                        const char *action,
                        const char *name,
                        const char *magic,
                        gboolean    close_at_once)
{
  g_autoptr(GFile) current = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *chooser = NULL;
  GStatBuf st;

  gtk_widget_activate_action (GTK_WIDGET (from), action, NULL);
  /* a report asks for its days first; the last 90 days are the default */
  if (g_str_equal (action, "win.export-report"))
    {
      GtkWindow *range = NULL;

      WAIT_FOR ((range = limber_test_find_toplevel (LIMBER_TYPE_REPORT_RANGE_DIALOG)) != NULL);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (range), "export");
    }
  WAIT_FOR ((chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  /* as a person would: type a name in the folder the chooser opens in.
   * (Changing folder while the first one still loads makes GTK 4.8 say it
   * could not show the folder, so the test does not.) */
  limber_test_settle ();
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (current);
  path = g_build_filename (g_file_peek_path (current), name, NULL);
  /* a file left by an earlier run that failed */
  g_unlink (path);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* closing the window while the file is written loses nothing */
  if (close_at_once)
    gtk_window_destroy (from);

  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, magic));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  WAIT_FOR (limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_export (void)
{
  GtkWindow *second;

  export_through_chooser (window, "win.export-report", "report.pdf", "%PDF-", FALSE);
  export_through_chooser (window, "win.export-csv", "journal.csv", "kind,", FALSE);

  second = GTK_WINDOW (limber_window_new (app));
  gtk_window_present (second);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
  export_through_chooser (second, "win.export-report", "closed.pdf", "%PDF-", TRUE);
  /* past the moment the progress toast would show */
  limber_test_settle ();
  limber_test_settle ();
  limber_test_settle ();
}

static char *
pdf_text (const char *path)
{
  const char *pdftotext = limber_test_require_program ("PDFTOTEXT", "pdftotext", "poppler-utils");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

/* The report's days, chosen in the window: To today and From 90 days back
 * at first; the presets; From after To refused beside the fields; and the
 * report written over the days chosen. */
static void
test_export_range (void)
{
  LimberReportRangeDialog *range;
  GtkWindow *chooser = NULL;
  g_autoptr(GFile) current = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GDate first, last, expected;
  g_autoptr(GDateTime) oldest = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  WAIT_FOR ((range = (LimberReportRangeDialog *) limber_test_find_toplevel (LIMBER_TYPE_REPORT_RANGE_DIALOG)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (range));

  limber_report_range_dialog_get_dates (range, &first, &last);
  g_date_clear (&expected, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_date_set_dmy (&expected, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  }
  g_assert_cmpint (g_date_compare (&last, &expected), ==, 0);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 89);
  g_assert_null (limber_report_range_dialog_get_problem (range));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (range), "export"));
  limber_test_screenshot (GTK_WIDGET (range), "report-range.png");

  /* it fits a phone's 360 px at large text */
  {
    GtkSettings *settings = gtk_settings_get_default ();
    int dpi, min;

    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
    g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
    gtk_widget_measure (GTK_WIDGET (range), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("report range dialog: %d px at large text", min);
    g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
    g_assert_cmpint (min, <=, 360);
  }

  limber_report_range_dialog_use_preset (range, LIMBER_REPORT_RANGE_30_DAYS);
  limber_report_range_dialog_get_dates (range, &first, &last);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 29);

  /* the whole journal starts on its first day */
  limber_report_range_dialog_use_preset (range, LIMBER_REPORT_RANGE_WHOLE_JOURNAL);
  limber_report_range_dialog_get_dates (range, &first, &last);
  if (limber_journal_get_first_time (journal, &oldest, NULL))
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (oldest);

    g_assert_cmpint (g_date_get_year (&first), ==, g_date_time_get_year (local));
    g_assert_cmpint (g_date_get_day_of_year (&first), ==, g_date_time_get_day_of_year (local));
  }

  /* From after To */
  g_date_set_dmy (&first, 10, G_DATE_MARCH, 2024);
  g_date_set_dmy (&last, 9, G_DATE_MARCH, 2024);
  limber_report_range_dialog_set_dates (range, &first, &last);
  g_assert_nonnull (strstr (limber_report_range_dialog_get_problem (range), "From is after To"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (range), "export"));
  limber_test_screenshot (GTK_WIDGET (range), "report-range-refused.png");

  /* March 2024 */
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2024);
  g_date_set_dmy (&last, 31, G_DATE_MARCH, 2024);
  limber_report_range_dialog_set_dates (range, &first, &last);
  g_assert_null (limber_report_range_dialog_get_problem (range));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (range), "export");

  WAIT_FOR ((chooser = limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  limber_test_settle ();
  current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  path = g_build_filename (g_file_peek_path (current), "march.pdf", NULL);
  g_unlink (path);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "march.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  WAIT_FOR (limber_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  limber_test_settle ();

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "1 March 2024 to 31 March 2024 (31 days)"));
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A session keeps the name its routine had when it was recorded; one of
 * Limber's own routines is named as the catalog names it now, in today's
 * language, and a routine the catalog does not know keeps the stored name. */
static void
test_routine_names (void)
{
  LimberCatalog *catalog = limber_application_get_catalog (app);
  g_autoptr(GDateTime) when = g_date_time_new_now_local ();
  LimberSessionInfo session = { 1, (char *) "morning-hamstrings", (char *) "Stored long ago",
                                when, NULL, 60000, 60000, LIMBER_OUTCOME_COMPLETED, -1, 1, 0 };
  LimberJournalEntry entry = { LIMBER_JOURNAL_ENTRY_SESSION, 0, 1, &session, NULL };
  g_autofree char *sub1 = NULL, *sub2 = NULL, *sub3 = NULL;
  g_autofree char *now_named = limber_history_list_describe_entry (catalog, &entry, &sub1);
  g_autofree char *stored = limber_history_list_describe_entry (NULL, &entry, &sub2);
  g_autofree char *unknown = NULL;

  g_assert_cmpstr (now_named, ==, limber_routine_get_name (limber_catalog_lookup_routine (catalog, "morning-hamstrings")));
  g_assert_cmpstr (stored, ==, "Stored long ago");
  session.routine_id = (char *) "deleted-long-ago";
  unknown = limber_history_list_describe_entry (catalog, &entry, &sub3);
  g_assert_cmpstr (unknown, ==, "Stored long ago");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-history-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  journal = limber_application_get_journal (app);
  g_assert_nonnull (journal);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* first, so that no toast from the other tests covers its pictures */
  g_test_add_func ("/history/year", test_history_year);
  g_test_add_func ("/history/check-in", test_check_in);
  g_test_add_func ("/history/advisory-once", test_advisory_once);
  g_test_add_func ("/history/edit", test_edit);
  g_test_add_func ("/history/delete-undo", test_delete_undo);
  g_test_add_func ("/history/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/history/journal-rows-narrow", test_journal_rows_narrow);
  g_test_add_func ("/history/chart-day", test_chart_day);
  g_test_add_func ("/history/whole-journal", test_whole_journal);
  g_test_add_func ("/history/routine-names", test_routine_names);
  g_test_add_func ("/history/export", test_export);
  g_test_add_func ("/history/export-range", test_export_range);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}

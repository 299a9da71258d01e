/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-journal-advisories.h"
#include "limber-checkin-dialog.h"
#include "limber-exercise-window.h"
#include "limber-history-page.h"
#include "limber-player-view.h"
#include "limber-routine-page.h"
#include "limber-routine-row.h"
#include "limber-ui-utils.h"
#include "limber-window.h"
#include "limber-window-private.h"
#include "limber-time.h"


G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  PROP_JOURNAL,
  PROP_CUES,
  PROP_REMINDERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_player_done   (LimberWindow *self);
static void on_player_error  (LimberWindow *self,
                              const char   *message);
static void on_edit_checkin  (LimberWindow        *self,
                              const LimberCheckin *checkin);
static void on_delete_checkin (LimberWindow        *self,
                               const LimberCheckin *checkin);
static void on_delete_session (LimberWindow            *self,
                               const LimberSessionInfo *session);

/* The player's page, added to the leaflet when the first routine starts,
 * so that a window nobody has played in yet does not build or lay it out. */
static LimberPlayerView *
ensure_player_view (LimberWindow *self)
{
  AdwLeafletPage *page;

  if (self->player_view != NULL)
    return self->player_view;

  self->player_view = g_object_new (LIMBER_TYPE_PLAYER_VIEW, NULL);
  limber_player_view_set_journal (self->player_view, self->journal);
  limber_player_view_set_cues (self->player_view, self->cues);
  limber_player_view_set_voice (self->player_view, self->voice);
  g_signal_connect_object (self->player_view, "done", G_CALLBACK (on_player_done), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player_view, "error", G_CALLBACK (on_player_error), self, G_CONNECT_SWAPPED);
  page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->player_view));
  adw_leaflet_page_set_name (page, "player");
  return self->player_view;
}

/* The History page, built the first time its tab is shown. */
static LimberHistoryPage *
ensure_history_page (LimberWindow *self)
{
  if (self->history_page != NULL)
    return self->history_page;

  self->history_page = g_object_new (LIMBER_TYPE_HISTORY_PAGE, NULL);
  limber_history_page_set_settings (self->history_page, self->settings);
  limber_history_page_set_catalog (self->history_page, self->catalog);
  limber_history_page_set_journal (self->history_page, self->journal);
  g_signal_connect_object (self->history_page, "edit-checkin", G_CALLBACK (on_edit_checkin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_page, "delete-checkin", G_CALLBACK (on_delete_checkin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history_page, "delete-session", G_CALLBACK (on_delete_session), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->history_bin, GTK_WIDGET (self->history_page));
  return self->history_page;
}

static void
on_view_changed (LimberWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") == 0)
    ensure_history_page (self);
}

/**
 * limber_window_get_player_view:
 *
 * The player's page, built now if no routine has been started yet.
 *
 * Returns: (transfer none): the player view
 */
LimberPlayerView *
limber_window_get_player_view (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return ensure_player_view (self);
}

/**
 * limber_window_get_today_page:
 *
 * Returns: (transfer none): the Today page
 */
LimberTodayPage *
limber_window_get_today_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->today_page;
}

/**
 * limber_window_set_visible_page:
 * @name: a page of the view stack: "routines", "history", ...
 */
void
limber_window_set_visible_page (LimberWindow *self,
                                const char   *name)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * limber_window_get_history_page:
 *
 * The History page, built now if it has not been shown yet.
 *
 * Returns: (transfer none): the History page
 */
LimberHistoryPage *
limber_window_get_history_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return ensure_history_page (self);
}

static GtkWidget *
create_routine_row (gpointer item,
                    gpointer user_data)
{
  return limber_routine_row_new (LIMBER_ROUTINE (item));
}

void
limber_window_show_routine (LimberWindow  *self,
                            LimberRoutine *routine)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  limber_routine_page_set_routine (self->routine_page, routine);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->routine_page));
}

/**
 * limber_window_show_exercise:
 *
 * Opens @exercise in a window of its own over this one, as the routine's
 * page shows its steps.
 */
void
limber_window_show_exercise (LimberWindow   *self,
                             LimberExercise *exercise)
{
  GtkWidget *details;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  details = limber_exercise_window_new (GTK_WINDOW (self), self->catalog, exercise, self->journal);
  gtk_window_present (GTK_WINDOW (details));
}

/**
 * limber_window_show_routines:
 *
 * The routine list, unless a routine is playing: the player stays.
 */
void
limber_window_show_routines (LimberWindow *self)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "routines");
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->routine_page))
    adw_leaflet_set_visible_child_name (self->leaflet, "routines");
}

/**
 * limber_window_start_routine:
 *
 * Shows the player and starts @routine at once.
 */
void
limber_window_start_routine (LimberWindow  *self,
                             LimberRoutine *routine)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  limber_routine_page_set_routine (self->routine_page, routine);
  ensure_player_view (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->player_view));
  limber_player_view_play (self->player_view, routine);
}

static void
start_routine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  LimberRoutine *routine = limber_catalog_lookup_routine (self->catalog, id);

  if (routine != NULL)
    limber_window_start_routine (self, routine);
  else
    limber_window_show_error (self, _("No Such Routine"),
                              /* Translators: %s is a routine id */
                              _("There is no routine called “%s”."), id);
}

static void
toggle_fullscreen (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
on_checkin_saved (LimberWindow        *self,
                  const LimberCheckin *checkin)
{
  g_autoptr(GError) error = NULL;
  LimberAdvice reasons;

  limber_window_journal_changed (self, NULL);

  /* once for each reason, not on every check-in */
  reasons = limber_journal_take_advisory (self->journal, checkin, &error);
  if (error != NULL)
    g_message ("Could not check for advice: %s", error->message);

  if (reasons != LIMBER_ADVICE_NONE)
    {
      g_autofree char *text = limber_advisory_describe (reasons);

      limber_window_show_error (self, _("Worth a Professional’s Look"), "%s", text);
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Check-in saved")));
}

static void
open_checkin_dialog (LimberWindow        *self,
                     const LimberCheckin *editing)
{
  GtkWidget *dialog = limber_checkin_dialog_new (GTK_WINDOW (self), self->journal, editing);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_checkin_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *dialog = limber_checkin_dialog_new (GTK_WINDOW (self), self->journal, NULL);

  /* "Check In Now" after a routine starts from the rating just given */
  if (self->player_view != NULL &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->player_view))
    limber_checkin_dialog_set_initial_pain (LIMBER_CHECKIN_DIALOG (dialog),
                                            limber_player_view_get_rating (self->player_view));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_checkin_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_edit_checkin (LimberWindow        *self,
                 const LimberCheckin *checkin)
{
  open_checkin_dialog (self, checkin);
}

/* Only the last delete can be undone. */
static void
forget_deleted (LimberWindow *self)
{
  g_clear_pointer (&self->deleted, limber_checkin_free);
  g_clear_pointer (&self->deleted_session, limber_session_info_free);
  g_clear_pointer (&self->deleted_session_parts, g_ptr_array_unref);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->deleted != NULL)
    {
      if (!limber_journal_restore_checkin (self->journal, self->deleted, &error))
        _limber_window_show_error_toast (self, error->message);
    }
  else if (self->deleted_session != NULL)
    {
      if (!limber_journal_restore_session (self->journal, self->deleted_session,
                                           self->deleted_session_parts, &error))
        _limber_window_show_error_toast (self, error->message);
    }
  else
    return;

  forget_deleted (self);
  limber_window_journal_changed (self, NULL);
}

static void
show_undo_toast (LimberWindow *self,
                 const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Deletes a session and its parts; Undo puts both back. */
static void
on_delete_session (LimberWindow            *self,
                   const LimberSessionInfo *session)
{
  g_autoptr(GError) error = NULL;
  LimberSessionInfo *deleted = NULL;
  GPtrArray *parts = NULL;

  if (!limber_journal_delete_session (self->journal, session->id, &deleted, &parts, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the session: %s"), error->message);

      _limber_window_show_error_toast (self, message);
      return;
    }

  forget_deleted (self);
  self->deleted_session = deleted;
  self->deleted_session_parts = parts;
  limber_window_journal_changed (self, NULL);
  show_undo_toast (self, _("Session deleted"));
}

static void
on_delete_checkin (LimberWindow        *self,
                   const LimberCheckin *checkin)
{
  g_autoptr(GError) error = NULL;
  LimberCheckin *deleted = NULL;

  if (!limber_journal_delete_checkin (self->journal, checkin->id, &deleted, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the check-in: %s"), error->message);

      _limber_window_show_error_toast (self, message);
      return;
    }

  forget_deleted (self);
  self->deleted = deleted;
  limber_window_journal_changed (self, NULL);
  show_undo_toast (self, _("Check-in deleted"));
}

static void
update_reminder_bar (LimberWindow *self)
{
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autofree char *text = NULL;

  if (self->reminders != NULL)
    text = limber_reminders_client_describe_next (self->reminders, now);

  if (self->reminders != NULL && limber_reminders_client_get_running (self->reminders) && text == NULL)
    text = g_strdup (_("Reminders are paused"));

  /* it runs after all: the message of a failed start is out of date */
  if (self->reminders != NULL && limber_reminders_client_get_running (self->reminders))
    gtk_revealer_set_reveal_child (self->reminders_error_revealer, FALSE);
  gtk_widget_set_visible (self->reminder_bar, text != NULL);
  if (text != NULL)
    gtk_label_set_label (self->reminder_label, text);
  /* the Today page says it too, and must not fall behind */
  if (self->today_page != NULL)
    limber_today_page_update_reminder (self->today_page);
}

/* The reminder service could not start: say why, until dismissed. */
static void
on_reminders_start_failed (LimberWindow *self,
                           const char   *message)
{
  gtk_label_set_text (self->reminders_error_label, message);
  gtk_revealer_set_reveal_child (self->reminders_error_revealer, TRUE);
}

static void
on_reminders_error_dismissed (LimberWindow *self)
{
  gtk_revealer_set_reveal_child (self->reminders_error_revealer, FALSE);
}

static gboolean
reminder_tick_cb (gpointer user_data)
{
  update_reminder_bar (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pause_reminders_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->reminders != NULL)
    limber_reminders_client_pause (self->reminders, g_variant_get_uint32 (param));
}

static void
resume_reminders_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->reminders != NULL)
    limber_reminders_client_resume (self->reminders);
}

/**
 * limber_window_check_in:
 *
 * Opens the check-in form, as the Check In button does.
 */
void
limber_window_check_in (LimberWindow *self)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  open_checkin_dialog (self, NULL);
}

static void
on_player_done (LimberWindow *self)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_unfullscreen (GTK_WINDOW (self));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->routine_page));
  /* its exercises' records now count this session */
  limber_routine_page_refresh (self->routine_page);
  limber_window_journal_changed (self, NULL);
}

/* An error that stays until dismissed: the player's, or a check-in's that
 * could not be saved, deleted or restored. */
void
_limber_window_show_error_toast (LimberWindow *self,
                                 const char   *message)
{
  limber_ui_show_error_toast (self->toast_overlay, message);
}

static void
on_player_error (LimberWindow *self,
                 const char   *message)
{
  _limber_window_show_error_toast (self, message);
}

/* No swiping or Alt+Left out of a routine that is playing: leaving goes
 * through Stop, which records the session properly. */
static void
on_visible_child_changed (LimberWindow *self)
{
  adw_leaflet_set_can_navigate_back (self->leaflet,
                                     self->player_view == NULL ||
                                     adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->player_view));
}

/**
 * limber_window_show_error:
 *
 * Tells the person plainly what went wrong, in a dialog over the window.
 */
/**
 * limber_window_journal_changed:
 * @toast: (nullable): what to tell the person
 *
 * The journal changed: a session ended, a check-in was saved, deleted or
 * put back, the program was changed, or a backup was restored. Every one
 * of them passes through here, so this is where the program's rules are
 * applied (a change of level is written once, dated now); then the pages
 * show the journal again (a History page not built yet reads it when it
 * is).
 */
void
limber_window_journal_changed (LimberWindow *self,
                               const char   *toast)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  _limber_window_programs_update (self);
  if (self->history_page != NULL)
    limber_history_page_reload (self->history_page);
  if (self->today_page != NULL)
    limber_today_page_reload (self->today_page);
  if (toast != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
}

void
limber_window_show_error (LimberWindow *self,
                          const char   *heading,
                          const char   *format,
                          ...)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  va_list args;

  g_return_if_fail (LIMBER_IS_WINDOW (self));

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_routine_activated (LimberWindow  *self,
                      GtkListBoxRow *row)
{
  limber_window_show_routine (self, limber_routine_row_get_routine (LIMBER_ROUTINE_ROW (row)));
}

static void
on_problems_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  if (g_strcmp0 (response, "open-folder") == 0)
    {
      g_autoptr(GFile) dir = limber_catalog_get_user_dir ();
      g_autofree char *uri = g_file_get_uri (dir);

      gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri, GDK_CURRENT_TIME);
    }
}

static void
show_problems (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GPtrArray *problems = limber_catalog_get_problems (self->catalog);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len; i++)
    {
      const GError *error = g_ptr_array_index (problems, i);

      if (i > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "A Routine File Was Skipped",
                                                "Some Routine Files Were Skipped",
                                                problems->len),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", body->str,
                                  _("Fix the file and restart Limber to load it. Your other routines are not affected."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "open-folder", _("_Open Folder"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_problems_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);
  GPtrArray *problems;

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->routine_list,
                           limber_catalog_get_routines (self->catalog),
                           create_routine_row, self, NULL);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  limber_routine_page_set_journal (self->routine_page, self->journal);
  self->today_page = LIMBER_TODAY_PAGE (limber_today_page_new (self->catalog, self->journal,
                                                                self->settings, self->reminders));
  adw_bin_set_child (self->today_bin, GTK_WIDGET (self->today_page));

  if (self->reminders != NULL)
    {
      g_signal_connect_object (self->reminders, "changed", G_CALLBACK (update_reminder_bar),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reminders, "start-failed", G_CALLBACK (on_reminders_start_failed),
                               self, G_CONNECT_SWAPPED);
      /* “in 23 min” counts down; the service itself is not asked */
      self->reminder_tick = g_timeout_add_seconds (30, reminder_tick_cb, self);
    }
  update_reminder_bar (self);

  problems = limber_catalog_get_problems (self->catalog);
  if (problems->len > 0)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u routine file could not be loaded",
                                            "%u routine files could not be loaded",
                                            problems->len),
                               problems->len);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-problems");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_CUES:
      g_value_set_object (value, self->cues);
      break;
    case PROP_REMINDERS:
      g_value_set_object (value, self->reminders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;
    case PROP_CUES:
      self->cues = g_value_dup_object (value);
      break;
    case PROP_REMINDERS:
      self->reminders = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_object (&self->cues);
  g_clear_object (&self->voice);
  forget_deleted (self);
  _limber_window_routines_dispose (self);
  g_clear_handle_id (&self->reminder_tick, g_source_remove);
  g_clear_object (&self->reminders);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LimberWindow     *self)
{
  LimberPlayer *player = self->player_view ? limber_player_view_get_player (self->player_view) : NULL;

  if (g_strcmp0 (response, "stop") != 0)
    return;
  /* the session ends as stopped, with what was done, not as interrupted */
  if (player != NULL)
    {
      limber_player_stop (player, FALSE);
      limber_window_journal_changed (self, NULL);
    }
  self->close_confirmed = TRUE;
  /* once the dialog, which is transient for this window, has gone */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

/* Closing the window (or quitting) in the middle of a routine asks first;
 * the dialog pauses the routine like any other, and Keep Going resumes it. */
static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);
  LimberPlayer *player = self->player_view ? limber_player_view_get_player (self->player_view) : NULL;
  LimberPlayerState state = player ? limber_player_get_state (player) : LIMBER_PLAYER_STATE_READY;
  GtkWidget *dialog;

  if (self->close_confirmed ||
      (state != LIMBER_PLAYER_STATE_RUNNING && state != LIMBER_PLAYER_STATE_PAUSED))
    return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Stop the Routine and Close?"),
                                   _("What you have done so far is kept in your journal."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop and Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->get_property = limber_window_get_property;
  object_class->set_property = limber_window_set_property;
  object_class->dispose = limber_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = limber_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         LIMBER_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUES] =
    g_param_spec_object ("cues", NULL, NULL,
                         LIMBER_TYPE_CUES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDERS] =
    g_param_spec_object ("reminders", NULL, NULL,
                         LIMBER_TYPE_REMINDERS_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_ROUTINE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, routine_list);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, routines_heading);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, routine_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, today_bin);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, reminder_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, reminders_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, reminders_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_reminders_error_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_routine_activated);

  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems);
  gtk_widget_class_install_action (widget_class, "win.start-routine", "s", start_routine_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-fullscreen", NULL, toggle_fullscreen);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-fullscreen", NULL);
  gtk_widget_class_install_action (widget_class, "win.check-in", NULL, check_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.check-in", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.pause-reminders", "u", pause_reminders_action);
  gtk_widget_class_install_action (widget_class, "win.resume-reminders", NULL, resume_reminders_action);
  _limber_window_export_class_init (widget_class);
  _limber_window_routines_class_init (widget_class);
  _limber_window_programs_class_init (widget_class);
  _limber_window_learn_class_init (widget_class);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  _limber_window_routines_init (self);
}

/**
 * _limber_window_get_now:
 *
 * Returns: (transfer full): now, from the window's clock
 */
GDateTime *
_limber_window_get_now (LimberWindow *self)
{
  return self->now_func ? self->now_func (self->now_data) : limber_time_now_local ();
}

/* For tests: the clock the window dates its journal's changes with. */
void
limber_window_set_now_func (LimberWindow   *self,
                            GDateTime    *(*now_func) (gpointer user_data),
                            gpointer        user_data)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  self->now_func = now_func;
  self->now_data = user_data;
}

LimberWindow *
limber_window_new (LimberApplication *application)
{
  LimberWindow *self;

  g_return_val_if_fail (LIMBER_IS_APPLICATION (application), NULL);

  self = g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "catalog", limber_application_get_catalog (application),
                       "settings", limber_application_get_settings (application),
                       "journal", limber_application_get_journal (application),
                       "cues", limber_application_get_cues (application),
                       "reminders", limber_application_get_reminders (application),
                       NULL);
  /* for the player, when it is built */
  g_set_object (&self->voice, limber_application_get_voice (application));
  return self;
}

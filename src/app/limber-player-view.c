/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-player"

#include <glib/gi18n.h>

#include "limber-ui-utils.h"
#include "limber-coach.h"
#include "limber-player-view-private.h"

/* Stopping with Escape asks first once this much has been done. */
#define CONFIRM_STOP_AFTER_US (5 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (LimberPlayerView, limber_player_view, GTK_TYPE_WIDGET)

enum {
  DONE,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LimberClock *
player_clock (LimberPlayerView *self)
{
  return self->clock ? self->clock : limber_system_clock_get_default ();
}

static void
cancel_refresh (LimberPlayerView *self)
{
  if (self->refresh_id != 0)
    limber_clock_remove_timeout (self->timer_clock, self->refresh_id);
  self->refresh_id = 0;
  g_clear_object (&self->timer_clock);
}

static void schedule_refresh (LimberPlayerView *self);

static gboolean
refresh_cb (gpointer user_data)
{
  LimberPlayerView *self = user_data;

  self->refresh_id = 0;
  g_clear_object (&self->timer_clock);
  _limber_player_view_update_clock (self);
  schedule_refresh (self);
  return G_SOURCE_REMOVE;
}

/* The window wakes only when something it shows changes: once a second,
 * at each whole second of the phase, when the digits change. The ring
 * moves on the same tick. At the sizes it is drawn (160 to 700 px across)
 * and for phases of 5 s to 2 min, its arc moves by more than a pixel each
 * second, so a smoother ring would cost a redraw of a large area several
 * times a second for no reading gain; one frame a second is what a ticking
 * label costs. No frame-clock tick: between those moments nothing is
 * redrawn at all. */
static void
schedule_refresh (LimberPlayerView *self)
{
  gint64 remaining, wait;

  cancel_refresh (self);
  if (self->player == NULL || limber_player_get_state (self->player) != LIMBER_PLAYER_STATE_RUNNING ||
      limber_player_get_phase (self->player) == NULL)
    return;

  remaining = limber_player_get_remaining (self->player);
  wait = remaining % G_USEC_PER_SEC;
  if (wait == 0)
    wait = G_USEC_PER_SEC;
  self->timer_clock = g_object_ref (player_clock (self));
  self->refresh_id = limber_clock_add_timeout (self->timer_clock, limber_clock_now (self->timer_clock) + wait,
                                               refresh_cb, self, NULL);
}

static GtkWindow *
get_window (LimberPlayerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Keeps the screen on while a routine plays, and only then. */
static void
set_inhibited (LimberPlayerView *self,
               gboolean          inhibited)
{
  GtkWindow *window = get_window (self);
  GtkApplication *app = window ? gtk_window_get_application (window) : NULL;

  if (inhibited && self->inhibit_cookie == 0 && app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, window, GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Playing a stretching routine"));
  else if (!inhibited && self->inhibit_cookie != 0 && app != NULL)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
update_running (LimberPlayerView *self)
{
  LimberPlayerState state = limber_player_get_state (self->player);
  gboolean running = state == LIMBER_PLAYER_STATE_RUNNING;
  gboolean playing = running || state == LIMBER_PLAYER_STATE_PAUSED;

  schedule_refresh (self);
  set_inhibited (self, running);

  gtk_button_set_icon_name (self->pause_button,
                            running ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               running ? _("Pause (Space)") : _("Resume (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, running ? _("Pause") : _("Resume"),
                                  -1);
  /* a new tooltip replaced the description, phase and all */
  _limber_player_view_update_descriptions (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.toggle-pause", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.previous", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.next", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.skip", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.stop", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.stop-pain", playing);

  /* paused, unmistakably: a large word over the dimmed coach, and the title */
  gtk_widget_set_visible (self->paused_box, state == LIMBER_PLAYER_STATE_PAUSED);
  if (state == LIMBER_PLAYER_STATE_PAUSED)
    gtk_widget_add_css_class (self->coach, "paused");
  else
    gtk_widget_remove_css_class (self->coach, "paused");
  if (playing)
    {
      const char *name = limber_routine_get_name (limber_player_get_routine (self->player));

      if (state == LIMBER_PLAYER_STATE_PAUSED)
        {
          /* Translators: the window title while a routine is paused */
          g_autofree char *title = g_strdup_printf (_("Paused — %s"), name);
          adw_window_title_set_title (self->window_title, title);
        }
      else
        adw_window_title_set_title (self->window_title, name);
    }
  _limber_player_view_update_clock (self);
}

static void
on_phase_changed (LimberPlayerView *self,
                  guint             index)
{
  const LimberPhase *phase = limber_player_get_phase (self->player);

  _limber_player_view_update_phase (self);
  schedule_refresh (self);

  if (self->cues == NULL || phase == NULL)
    return;
  if (phase->kind == LIMBER_PHASE_SWITCH_SIDES)
    limber_cues_play (self->cues, LIMBER_CUE_SWITCH_SIDES);
  else if (phase->kind == LIMBER_PHASE_HOLD || phase->kind == LIMBER_PHASE_REPETITIONS)
    limber_cues_play (self->cues, LIMBER_CUE_PHASE_START);
}

static void
on_countdown (LimberPlayerView *self,
              guint             seconds_left)
{
  if (self->cues != NULL)
    limber_cues_play (self->cues, LIMBER_CUE_COUNTDOWN);
}

static void
on_part_finished (LimberPlayerView       *self,
                  const LimberPartRecord *part)
{
  gboolean *skipped;

  if (part->step >= self->step_skipped->len)
    g_array_set_size (self->step_skipped, part->step + 1);
  skipped = &g_array_index (self->step_skipped, gboolean, part->step);
  /* the last word on a step wins: redoing it after “Previous” counts */
  *skipped = part->skipped;
}

static const char *
short_reason (const GError *error)
{
  if (g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_FULL))
    return _("the disk is full");
  if (g_error_matches (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_READ_ONLY))
    return _("your journal is read-only");
  return error->message;
}

/* What the journal holds of the routine, when it is not everything. */
static char *
describe_saved (LimberSessionRecorder *recorder,
                guint                  n_finished)
{
  const GError *error = limber_session_recorder_get_unsaved_error (recorder);
  guint n_unsaved = limber_session_recorder_get_n_unsaved (recorder);

  if (error == NULL)
    return NULL;

  if (n_unsaved == 0)
    /* Translators: %s says why, such as “the disk is full” */
    return g_strdup_printf (_("The end of this session could not be written: %s."),
                            short_reason (error));

  n_unsaved = MIN (n_unsaved, n_finished);
  /* Translators: “3 of 4 saved; 1 could not be written: the disk is full.” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u saved; %u could not be written: %s.",
                                       "%u of %u saved; %u could not be written: %s.",
                                       n_unsaved),
                          n_finished - n_unsaved, n_finished, n_unsaved, short_reason (error));
}

static void
show_summary (LimberPlayerView *self,
              LimberOutcome     outcome)
{
  LimberRoutine *routine = limber_player_get_routine (self->player);
  guint n_steps = limber_routine_get_n_steps (routine);
  guint done = 0, skipped = 0;
  g_autofree char *active = limber_format_duration ((guint) (limber_player_get_active_time (self->player) / G_USEC_PER_SEC));
  g_autofree char *counts = NULL;
  g_autofree char *description = NULL;
  const char *title, *icon, *extra = NULL;

  for (guint i = 0; i < self->step_skipped->len; i++)
    {
      if (g_array_index (self->step_skipped, gboolean, i))
        skipped++;
      else
        done++;
    }
  self->n_steps_done = done;
  self->n_steps_skipped = skipped;

  /* Translators: the first %u is exercises done, the second the total */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u exercise done, %u skipped",
                                         "%u of %u exercises done, %u skipped", n_steps),
                            done, n_steps, skipped);

  switch (outcome)
    {
    case LIMBER_OUTCOME_COMPLETED:
      title = _("Well Done");
      icon = "emblem-ok-symbolic";
      break;
    case LIMBER_OUTCOME_STOPPED_FOR_PAIN:
      title = _("Stopped Because It Hurt");
      icon = "dialog-information-symbolic";
      extra = _("Stopping was the right call. Rest, and go more gently next time. "
                "If the pain is sharp, lasts, or spreads down your leg, please see a health professional.");
      break;
    default:
      title = _("Routine Stopped");
      icon = "media-playback-stop-symbolic";
      break;
    }

  /* Translators: time spent stretching, then the exercise counts */
  description = g_strdup_printf (_("You stretched for %s. %s."), active, counts);
  if (self->recorder != NULL)
    {
      g_autofree char *saved = describe_saved (self->recorder, done + skipped);

      if (saved != NULL)
        {
          char *with_saved = g_strdup_printf ("%s\n\n%s", description, saved);

          g_free (description);
          description = with_saved;
        }
    }
  if (extra != NULL)
    {
      char *with_extra = g_strdup_printf ("%s\n\n%s", description, extra);

      g_free (description);
      description = with_extra;
    }

  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_icon_name (self->summary_page, icon);
  adw_status_page_set_description (self->summary_page, description);

  limber_rating_set_value (self->rating, LIMBER_RATING_UNSET);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_saved_label), FALSE);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->rating));
}

static void
on_finished (LimberPlayerView *self,
             LimberOutcome     outcome)
{
  update_running (self);
  if (outcome == LIMBER_OUTCOME_COMPLETED && self->cues != NULL)
    limber_cues_play (self->cues, LIMBER_CUE_DONE);
  show_summary (self, outcome);
}

static void
on_recorder_error (LimberPlayerView *self,
                   GError           *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not save to your journal: %s"), error->message);

  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
clear_player (LimberPlayerView *self)
{
  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  if (self->recorder != NULL)
    g_signal_handlers_disconnect_by_data (self->recorder, self);
  g_clear_object (&self->recorder);
  g_clear_object (&self->player);
  cancel_refresh (self);
  self->held = FALSE;
  set_inhibited (self, FALSE);
}

void
limber_player_view_play (LimberPlayerView *self,
                         LimberRoutine    *routine)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  /* a routine started over another one ends the first properly */
  if (self->player != NULL &&
      (limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_RUNNING ||
       limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_PAUSED))
    limber_player_stop (self->player, FALSE);

  clear_player (self);
  g_array_set_size (self->step_skipped, 0);

  self->player = limber_player_new (routine, self->clock ? self->clock : limber_system_clock_get_default ());

  /* First, so that the summary knows what was saved. */
  if (self->journal != NULL)
    {
      self->recorder = limber_session_recorder_new (self->journal, self->player);
      g_signal_connect_swapped (self->recorder, "error", G_CALLBACK (on_recorder_error), self);
    }

  g_signal_connect_swapped (self->player, "phase-changed", G_CALLBACK (on_phase_changed), self);
  g_signal_connect_swapped (self->player, "countdown", G_CALLBACK (on_countdown), self);
  g_signal_connect_swapped (self->player, "part-finished", G_CALLBACK (on_part_finished), self);
  g_signal_connect_swapped (self->player, "finished", G_CALLBACK (on_finished), self);
  g_signal_connect_swapped (self->player, "notify::state", G_CALLBACK (update_running), self);

  adw_window_title_set_title (self->window_title, limber_routine_get_name (routine));
  gtk_stack_set_visible_child_name (self->stack, "playing");

  limber_player_start (self->player);
  if (self->voice != NULL)
    limber_voice_follow (self->voice, self->player);
  _limber_player_view_update_phase (self);
  update_running (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

static void
toggle_pause (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  if (self->player)
    limber_player_toggle_pause (self->player);
}

static void
go_previous (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  if (self->player)
    limber_player_previous_exercise (self->player);
}

static void
go_next (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  if (self->player)
    limber_player_next_exercise (self->player);
}

static void
skip_phase (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  if (self->player)
    limber_player_skip_phase (self->player);
}

static void
on_stop_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LimberPlayerView *self)
{
  if (g_strcmp0 (response, "stop") == 0 && self->player != NULL)
    limber_player_stop (self->player, FALSE);
}

static void
stop (GtkWidget  *widget,
      const char *action_name,
      GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);
  GtkWidget *dialog;

  if (g_strcmp0 (action_name, "player.stop-key") == 0)
    {
      LimberPlayerState state = self->player ? limber_player_get_state (self->player) : LIMBER_PLAYER_STATE_READY;

      /* Escape leaves coach mode first, as it leaves fullscreen everywhere,
       * and leaves the summary once the routine is over */
      if (self->fullscreen)
        {
          gtk_window_unfullscreen (get_window (self));
          return;
        }
      if (state != LIMBER_PLAYER_STATE_RUNNING && state != LIMBER_PLAYER_STATE_PAUSED)
        {
          if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") == 0)
            gtk_widget_activate_action (widget, "player.done", NULL);
          return;
        }
    }

  if (self->player == NULL)
    return;

  if (limber_player_get_active_time (self->player) < CONFIRM_STOP_AFTER_US)
    {
      limber_player_stop (self->player, FALSE);
      return;
    }

  dialog = adw_message_dialog_new (get_window (self), _("Stop This Routine?"),
                                   _("What you have done so far is kept in your journal."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_for_pain (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  /* no question asked: it hurts */
  if (self->player)
    limber_player_stop (self->player, TRUE);
}

static void
done (GtkWidget  *widget,
      const char *action_name,
      GVariant   *param)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  /* a finished routine's last words ("Well done") are let finish */
  if (self->voice != NULL && limber_voice_get_player (self->voice) == self->player)
    limber_voice_follow (self->voice, NULL);
  clear_player (self);
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_rating_changed (LimberPlayerView *self)
{
  g_autoptr(GError) error = NULL;
  int rating = limber_rating_get_value (self->rating);

  if (rating == LIMBER_RATING_UNSET)
    return;

  if (self->recorder == NULL)
    gtk_label_set_label (self->rating_saved_label, _("Not saved: your journal could not be opened."));
  else if (!limber_session_recorder_set_rating (self->recorder, rating, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      gtk_label_set_label (self->rating_saved_label, message);
    }
  else
    gtk_label_set_label (self->rating_saved_label, _("Saved to your journal."));
  gtk_widget_set_visible (GTK_WIDGET (self->rating_saved_label), TRUE);
}

/* Every dialog that opens over the window while a routine plays (stop?,
 * close?, a check-in, Preferences, the shortcuts) pauses it, and closing
 * the dialog resumes it, unless the person had paused it themselves. A
 * dialog is any visible window transient for ours. */
static void
update_dialog_hold (LimberPlayerView *self)
{
  GtkWindow *window = get_window (self);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean dialog_open = FALSE;
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n && window != NULL && !dialog_open; i++)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      dialog_open = other != window && gtk_widget_get_visible (GTK_WIDGET (other)) &&
                    gtk_window_get_transient_for (other) == window;
    }

  if (self->player == NULL)
    self->held = FALSE;
  else if (dialog_open && !self->held &&
           limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_RUNNING)
    {
      self->held = TRUE;
      limber_player_pause (self->player);
    }
  else if (!dialog_open && self->held)
    {
      self->held = FALSE;
      if (limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_PAUSED)
        limber_player_resume (self->player);
    }
}

static void
on_toplevels_changed (LimberPlayerView *self,
                      guint             position,
                      guint             removed,
                      guint             added,
                      GListModel       *toplevels)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* a new window is listed before it is shown or given a parent */
      g_signal_connect_object (window, "notify::visible", G_CALLBACK (update_dialog_hold), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "notify::transient-for", G_CALLBACK (update_dialog_hold), self,
                               G_CONNECT_SWAPPED);
    }
  update_dialog_hold (self);
}

/* Fullscreen is coach mode: no header bar, everything larger, and the
 * button beside the controls to leave it. */
static void
on_fullscreened (LimberPlayerView *self)
{
  GtkWindow *window = get_window (self);

  self->fullscreen = window != NULL && gtk_window_is_fullscreen (window);
  gtk_widget_set_visible (self->header_bar, !self->fullscreen);
  if (self->fullscreen)
    gtk_widget_add_css_class (GTK_WIDGET (self), "coach-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "coach-mode");
  gtk_button_set_icon_name (GTK_BUTTON (self->coach_button),
                            self->fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (self->coach_button,
                               self->fullscreen ? _("Leave Coach Mode (Esc or F11)")
                                                : _("Coach Mode, Fullscreen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->coach_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->fullscreen ? _("Leave coach mode") : _("Coach mode"),
                                  -1);
  _limber_player_view_update_descriptions (self);
}

static void
limber_player_view_root (GtkWidget *widget)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (widget);

  GTK_WIDGET_CLASS (limber_player_view_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::fullscreened",
                           G_CALLBACK (on_fullscreened), self, G_CONNECT_SWAPPED);
  on_fullscreened (self);
}

static void
limber_player_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_fullscreened, widget);
  GTK_WIDGET_CLASS (limber_player_view_parent_class)->unroot (widget);
}

static void
limber_player_view_dispose (GObject *object)
{
  LimberPlayerView *self = LIMBER_PLAYER_VIEW (object);

  if (self->voice != NULL && self->player != NULL && limber_voice_get_player (self->voice) == self->player)
    limber_voice_follow (self->voice, NULL);
  clear_player (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->journal);
  g_clear_object (&self->cues);
  g_clear_object (&self->voice);
  g_clear_pointer (&self->step_skipped, g_array_unref);
  g_clear_pointer (&self->announcement, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLAYER_VIEW);

  G_OBJECT_CLASS (limber_player_view_parent_class)->dispose (object);
}

static void
limber_player_view_class_init (LimberPlayerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_player_view_dispose;
  widget_class->root = limber_player_view_root;
  widget_class->unroot = limber_player_view_unroot;

  /**
   * LimberPlayerView::done:
   *
   * The person has left the summary.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * LimberPlayerView::error:
   * @message: a sentence for people
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LIMBER_TYPE_COUNTDOWN);
  g_type_ensure (LIMBER_TYPE_DIGITS);
  g_type_ensure (LIMBER_TYPE_RATING);
  g_type_ensure (LIMBER_TYPE_COACH);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-player-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, coach);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, paused_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, coach_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, countdown);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, seconds_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, skip_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, next_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, hurts_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, summary_page);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, rating);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerView, rating_saved_label);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause);
  gtk_widget_class_install_action (widget_class, "player.previous", NULL, go_previous);
  gtk_widget_class_install_action (widget_class, "player.next", NULL, go_next);
  gtk_widget_class_install_action (widget_class, "player.skip", NULL, skip_phase);
  gtk_widget_class_install_action (widget_class, "player.stop", NULL, stop);
  gtk_widget_class_install_action (widget_class, "player.stop-key", NULL, stop);
  gtk_widget_class_install_action (widget_class, "player.stop-pain", NULL, stop_for_pain);
  gtk_widget_class_install_action (widget_class, "player.done", NULL, done);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-player-view");
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action)));
}

static void
limber_player_view_init (LimberPlayerView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));

  self->step_skipped = g_array_new (FALSE, TRUE, sizeof (gboolean));

  self->illustration = LIMBER_ILLUSTRATION (limber_illustration_new ());
  limber_countdown_set_child (self->countdown, GTK_WIDGET (self->illustration));

  /* Handled before the focused button sees the key, so that Space always
   * pauses and the arrows always move between exercises. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "player.toggle-pause");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "player.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "player.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, "player.stop-key");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_h, "player.stop-pain");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (on_toplevels_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->rating, "notify::value", G_CALLBACK (on_rating_changed), self,
                           G_CONNECT_SWAPPED);
}

LimberPlayer *
limber_player_view_get_player (LimberPlayerView *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_VIEW (self), NULL);
  return self->player;
}

/**
 * limber_player_view_set_clock:
 * @clock: (nullable): the clock for the next routine; %NULL for the system clock
 */
void
limber_player_view_set_clock (LimberPlayerView *self,
                              LimberClock      *clock)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  g_set_object (&self->clock, clock);
}

void
limber_player_view_set_journal (LimberPlayerView *self,
                                LimberJournal    *journal)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  g_set_object (&self->journal, journal);
}

/**
 * limber_player_view_set_voice:
 * @voice: (nullable): the voice coach that follows each routine
 */
void
limber_player_view_set_voice (LimberPlayerView *self,
                              LimberVoice      *voice)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  g_set_object (&self->voice, voice);
}

void
limber_player_view_set_cues (LimberPlayerView *self,
                             LimberCues       *cues)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  g_set_object (&self->cues, cues);
}

/**
 * limber_player_view_get_rating:
 *
 * Returns: how the person rated their hamstrings on the summary, 0 to 10,
 * or -1 when they have not (or no routine has ended)
 */
int
limber_player_view_get_rating (LimberPlayerView *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_VIEW (self), LIMBER_RATING_UNSET);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") != 0)
    return LIMBER_RATING_UNSET;
  return limber_rating_get_value (self->rating);
}

gint64
limber_player_view_get_session_id (LimberPlayerView *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_VIEW (self), 0);
  return self->recorder ? limber_session_recorder_get_session_id (self->recorder) : 0;
}

/**
 * limber_player_view_refresh:
 *
 * Redraws from the player's state now, without waiting for a frame; for
 * tests that move a virtual clock.
 */
void
limber_player_view_refresh (LimberPlayerView *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER_VIEW (self));
  if (self->player != NULL)
    _limber_player_view_update_clock (self);
}

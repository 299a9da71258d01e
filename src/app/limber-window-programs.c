/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-journal-programs.h"
#include "limber-progression.h"
#include "limber-window-private.h"

/* The window's program actions: choosing a program, playing today's
 * session of it, and the person's own say at any time: stay at this level,
 * step back one, or leave. Each is written to the journal with its reason,
 * and the Today page shows the result. The rules' own changes of level are
 * written by _limber_window_programs_update(), which
 * limber_window_journal_changed() calls whenever something is recorded;
 * the Today page only reads them. */

/**
 * _limber_window_programs_update:
 *
 * Applies the program's rules to what the journal holds now: a change of
 * level they decide is written with its reason. A read-only journal is
 * left as it is.
 */
void
_limber_window_programs_update (LimberWindow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  if (self->journal == NULL || self->catalog == NULL)
    return;
  now = _limber_window_get_now (self);
  if (!limber_progression_update (self->journal, self->catalog, now, NULL, &error))
    g_message ("Could not apply the program's rules: %s", error->message);
}

static void
after_change (LimberWindow *self,
              const char   *toast,
              GError       *error)
{
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not change the program: %s"), error->message);

      _limber_window_show_error_toast (self, message);
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "today");
  limber_window_journal_changed (self, error == NULL ? toast : NULL);
}

static void
start_program_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  LimberProgram *program = limber_catalog_lookup_program (self->catalog, id);
  g_autoptr(GDateTime) now = _limber_window_get_now (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *toast = NULL;

  if (program == NULL || self->journal == NULL)
    return;
  limber_journal_start_program (self->journal, id, now, &error);
  escaped = g_markup_escape_text (limber_program_get_name (program), -1);
  /* Translators: %s is a program's name */
  toast = g_strdup_printf (_("Started “%s” at level 1"), escaped);
  after_change (self, toast, error);
}

static void
on_programs_response (AdwMessageDialog *dialog,
                      const char       *response,
                      LimberWindow     *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.start-program", "s", response);
}

/* The bundled programs, each a button with its summary above. */
static void
show_programs_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GListModel *programs = limber_catalog_get_programs (self->catalog);
  g_autoptr(GString) body = g_string_new (_("A program moves up a level when your sessions and check-ins say it is going "
                                            "well, and back a level after a flare. You can stay, step back or leave at "
                                            "any time."));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Follow a Program"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(LimberProgram) program = g_list_model_get_item (programs, i);

      g_string_append_printf (body, "\n\n%s: %s", limber_program_get_name (program), limber_program_get_summary (program));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), limber_program_get_id (program),
                                       limber_program_get_name (program));
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_programs_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static LimberProgram *
current_program (LimberWindow        *self,
                 LimberProgramState **state)
{
  g_autoptr(GError) error = NULL;

  *state = self->journal ? limber_journal_get_current_program (self->journal, &error) : NULL;
  if (*state == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the program: %s", error->message);
      return NULL;
    }
  return limber_catalog_lookup_program (self->catalog, (*state)->program_id);
}

static void
start_program_session_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GDateTime) now = _limber_window_get_now (self);
  g_autoptr(GError) error = NULL;
  LimberProgram *program = current_program (self, &state);
  guint level, part;

  if (program == NULL)
    return;
  /* the session the Today page offers: of a level of parts, the first
   * not done today */
  level = CLAMP (state->level, 1, limber_program_get_n_levels (program));
  part = limber_progression_get_next_part (self->journal, program, level, now, &error);
  if (part == 0)
    {
      g_message ("Could not read today’s sessions: %s", error->message);
      part = 1;
    }
  limber_window_start_routine (self, limber_program_get_part_routine (program, level, part));
}

static void
program_stay_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GDateTime) now = _limber_window_get_now (self);
  g_autoptr(GError) error = NULL;

  if (current_program (self, &state) == NULL)
    return;
  limber_journal_stay_at_program_level (self->journal, _("You chose to stay at this level for now."), now, &error);
  after_change (self, _("Staying at this level"), error);
}

static void
program_step_back_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(LimberProgramState) state = NULL;
  g_autoptr(GDateTime) now = _limber_window_get_now (self);
  g_autoptr(GError) error = NULL;

  if (current_program (self, &state) == NULL)
    return;
  if (state->level <= 1)
    limber_journal_stay_at_program_level (self->journal, _("You chose to go gently at the first level."), now, &error);
  else
    limber_journal_change_program_level (self->journal, state->level - 1,
                                         _("You chose to step back a level."), now, &error);
  after_change (self, _("Stepped back a level"), error);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   LimberWindow     *self)
{
  g_autoptr(GDateTime) now = _limber_window_get_now (self);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "leave"))
    return;
  limber_journal_leave_program (self->journal, now, &error);
  after_change (self, _("You left the program"), error);
}

static void
program_leave_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autoptr(LimberProgramState) state = NULL;
  GtkWidget *dialog;

  if (current_program (self, &state) == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave the Program?"),
                                   _("Your sessions and check-ins stay in your journal. You can start a program "
                                     "again at any time, from level 1."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_limber_window_programs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-programs", NULL, show_programs_action);
  gtk_widget_class_install_action (widget_class, "win.start-program", "s", start_program_action);
  gtk_widget_class_install_action (widget_class, "win.start-program-session", NULL, start_program_session_action);
  gtk_widget_class_install_action (widget_class, "win.program-stay", NULL, program_stay_action);
  gtk_widget_class_install_action (widget_class, "win.program-step-back", NULL, program_step_back_action);
  gtk_widget_class_install_action (widget_class, "win.program-leave", NULL, program_leave_action);
}

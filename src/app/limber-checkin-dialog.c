/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-checkin"

#include <glib/gi18n.h>

#include "limber-checkin-dialog.h"

/* The check-in form: pain, stiffness, where, morning stiffness, symptoms and
 * a note, saved to the journal in one step. If saving fails the form stays
 * open with everything typed, and says why. */
struct _LimberCheckinDialog
{
  AdwWindow        parent_instance;

  LimberJournal   *journal;
  LimberCheckin   *editing;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *pain_row;
  GtkRange        *pain_scale;
  GtkRange        *stiffness_scale;
  AdwComboRow     *side_row;
  AdwExpanderRow  *morning_row;
  GtkSpinButton   *morning_spin;
  GtkSwitch       *numbness_switch;
  GtkSwitch       *radiating_switch;
  GtkSwitch       *weakness_switch;
  GtkTextView     *note_view;
};

G_DEFINE_FINAL_TYPE (LimberCheckinDialog, limber_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The combo's order: both, left, right, as LimberBodySide. */

/**
 * limber_checkin_dialog_get_checkin:
 *
 * Returns: (transfer full): the check-in as the form shows it now.
 */
LimberCheckin *
limber_checkin_dialog_get_checkin (LimberCheckinDialog *self)
{
  LimberCheckin *checkin;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (LIMBER_IS_CHECKIN_DIALOG (self), NULL);

  checkin = self->editing ? limber_checkin_copy (self->editing) : limber_checkin_new ();
  checkin->pain = (int) gtk_range_get_value (self->pain_scale);
  checkin->stiffness = (int) gtk_range_get_value (self->stiffness_scale);
  checkin->side = (LimberBodySide) adw_combo_row_get_selected (self->side_row);
  checkin->morning_stiffness = adw_expander_row_get_enable_expansion (self->morning_row)
                               ? gtk_spin_button_get_value_as_int (self->morning_spin) : -1;
  checkin->symptoms = LIMBER_SYMPTOM_NONE;
  if (gtk_switch_get_active (self->numbness_switch))
    checkin->symptoms |= LIMBER_SYMPTOM_NUMBNESS;
  if (gtk_switch_get_active (self->radiating_switch))
    checkin->symptoms |= LIMBER_SYMPTOM_RADIATING;
  if (gtk_switch_get_active (self->weakness_switch))
    checkin->symptoms |= LIMBER_SYMPTOM_WEAKNESS;

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (checkin->note);
  checkin->note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* an empty note is no note */
  if (*checkin->note == '\0')
    g_clear_pointer (&checkin->note, g_free);

  return checkin;
}

void
limber_checkin_dialog_set_checkin (LimberCheckinDialog *self,
                                   const LimberCheckin *checkin)
{
  g_return_if_fail (LIMBER_IS_CHECKIN_DIALOG (self));
  g_return_if_fail (checkin != NULL);

  gtk_range_set_value (self->pain_scale, checkin->pain);
  gtk_range_set_value (self->stiffness_scale, checkin->stiffness);
  adw_combo_row_set_selected (self->side_row, checkin->side);
  adw_expander_row_set_enable_expansion (self->morning_row, checkin->morning_stiffness >= 0);
  if (checkin->morning_stiffness >= 0)
    gtk_spin_button_set_value (self->morning_spin, checkin->morning_stiffness);
  gtk_switch_set_active (self->numbness_switch, (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS) != 0);
  gtk_switch_set_active (self->radiating_switch, (checkin->symptoms & LIMBER_SYMPTOM_RADIATING) != 0);
  gtk_switch_set_active (self->weakness_switch, (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            checkin->note ? checkin->note : "", -1);
}

/**
 * limber_checkin_dialog_save:
 *
 * Saves the form and closes the dialog, or keeps it open and says why not.
 *
 * Returns: whether it was saved
 */
gboolean
limber_checkin_dialog_save (LimberCheckinDialog *self)
{
  g_autoptr(LimberCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIMBER_IS_CHECKIN_DIALOG (self), FALSE);

  checkin = limber_checkin_dialog_get_checkin (self);

  if (self->journal == NULL)
    g_set_error (&error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_CANT_OPEN,
                 _("The journal could not be opened"));
  else if (self->editing != NULL)
    ok = limber_journal_update_checkin (self->journal, checkin, &error);
  else
    {
      checkin->id = limber_journal_add_checkin (self->journal, checkin, &error);
      ok = checkin->id > 0;
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return FALSE;
    }

  g_assert (ok);
  g_signal_emit (self, signals[SAVED], 0, checkin);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  limber_checkin_dialog_save (LIMBER_CHECKIN_DIALOG (widget));
}

static void
limber_checkin_dialog_dispose (GObject *object)
{
  LimberCheckinDialog *self = LIMBER_CHECKIN_DIALOG (object);

  g_clear_object (&self->journal);
  g_clear_pointer (&self->editing, limber_checkin_free);

  G_OBJECT_CLASS (limber_checkin_dialog_parent_class)->dispose (object);
}

static void
limber_checkin_dialog_class_init (LimberCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_checkin_dialog_dispose;

  /**
   * LimberCheckinDialog::saved:
   * @checkin: the check-in as stored, with its id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                 LIMBER_TYPE_CHECKIN | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, pain_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, stiffness_scale);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, morning_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, morning_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, numbness_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, radiating_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, weakness_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, note_view);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_checkin_dialog_init (LimberCheckinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* anchors on the scales, read by screen readers as the value changes */
  for (guint i = 0; i < 2; i++)
    {
      GtkScale *scale = GTK_SCALE (i == 0 ? self->pain_scale : self->stiffness_scale);

      gtk_scale_add_mark (scale, 0, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (scale, 5, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (scale, 10, GTK_POS_BOTTOM, NULL);
    }
}

/**
 * limber_checkin_dialog_new:
 * @editing: (nullable): a stored check-in to edit, or %NULL for a new one
 */
GtkWidget *
limber_checkin_dialog_new (GtkWindow           *parent,
                           LimberJournal       *journal,
                           const LimberCheckin *editing)
{
  LimberCheckinDialog *self;

  self = g_object_new (LIMBER_TYPE_CHECKIN_DIALOG,
                       "transient-for", parent,
                       NULL);
  g_set_object (&self->journal, journal);

  if (editing != NULL)
    {
      self->editing = limber_checkin_copy (editing);
      limber_checkin_dialog_set_checkin (self, editing);
      adw_window_title_set_title (self->window_title, _("Edit Check-In"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->pain_scale));
  return GTK_WIDGET (self);
}

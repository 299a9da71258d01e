/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-checkin"

#include <glib/gi18n.h>

#include "limber-checkin-dialog.h"
#include "limber-rating.h"
#include "limber-ui-utils.h"
#include "limber-time.h"

/* The check-in form: pain, stiffness, where, morning stiffness, symptoms and
 * a note, saved to the journal in one step. If saving fails the form stays
 * open with everything typed, and says why.
 *
 * Pain and stiffness start unset, and Save stays disabled until both are
 * chosen: every stored check-in is read as two measurements (the chart, the
 * averages, the advisory on pain of 8 or more), so a form saved untouched
 * must not turn into "no pain, no stiffness". Nothing else is required.
 *
 * When: "Now" (the moment Save is pressed) until a day or time is chosen,
 * then that local time; a check-in being edited shows its own. The day is
 * three number fields rather than a calendar, which at large text is wider
 * than a phone. A time later than now is refused beside the fields (and in
 * their descriptions, for screen readers), and Save waits. */
struct _LimberCheckinDialog
{
  AdwWindow        parent_instance;

  LimberJournal   *journal;
  LimberCheckin   *editing;
  int              prefilled_pain;   /* LIMBER_RATING_UNSET if none */

  AdwToastOverlay *toast_overlay;
  GtkLabel        *window_title;
  GtkWidget       *save_button;
  LimberRating    *pain_rating;
  LimberRating    *stiffness_rating;
  GtkLabel        *pain_value_label;
  GtkLabel        *stiffness_value_label;
  GtkWidget       *pain_prefill_label;
  AdwComboRow     *side_row;
  AdwExpanderRow  *morning_row;
  GtkSpinButton   *morning_spin;
  GtkSwitch       *numbness_switch;
  GtkSwitch       *radiating_switch;
  GtkSwitch       *weakness_switch;
  GtkTextView     *note_view;
  AdwExpanderRow  *when_row;
  GtkWidget       *when_error_icon;
  GtkWidget       *when_now_button;
  AdwActionRow    *when_date_row;
  GtkSpinButton   *when_day_spin;
  GtkSpinButton   *when_month_spin;
  GtkSpinButton   *when_year_spin;
  GtkSpinButton   *when_hour_spin;
  GtkSpinButton   *when_minute_spin;
  GtkWidget       *when_error_row;
  GtkLabel        *when_error_label;

  GDateTime       *when;             /* local; NULL for "now" */
  gboolean         syncing_when;
};

G_DEFINE_FINAL_TYPE (LimberCheckinDialog, limber_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The combo's order: both, left, right, as LimberBodySide. */

static gboolean
is_in_future (LimberCheckinDialog *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->when == NULL)
    return FALSE;
  now = limber_time_now_local ();
  return g_date_time_compare (self->when, now) > 0;
}

static char *
describe_when (GDateTime *when)
{
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *time = NULL;

  if (when == NULL)
    return g_strdup (_("Now"));

  time = g_date_time_format (when, "%H:%M");
  if (g_date_time_get_year (when) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: a check-in's time today, "Today, 09:30" */
    return g_strdup_printf (_("Today, %s"), time);
  if (g_date_time_get_year (when) == g_date_time_get_year (yesterday)
      && g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (yesterday))
    /* Translators: a check-in's time yesterday, "Yesterday, 09:30" */
    return g_strdup_printf (_("Yesterday, %s"), time);
  /* Translators: a check-in's day and time, see strftime */
  return g_date_time_format (when, _("%a %-d %B %Y, %H:%M"));
}

/* Shows the chosen time in the row and its fields. */
static void
show_when (LimberCheckinDialog *self)
{
  g_autoptr(GDateTime) shown = self->when ? g_date_time_ref (self->when) : limber_time_now_local ();
  g_autofree char *subtitle = describe_when (self->when);
  /* Translators: the chosen day under the day's fields, see strftime */
  g_autofree char *day = g_date_time_format (shown, _("%A %-d %B %Y"));
  gboolean future = is_in_future (self);
  GtkWidget *fields[] = { GTK_WIDGET (self->when_day_spin), GTK_WIDGET (self->when_month_spin),
                          GTK_WIDGET (self->when_year_spin), GTK_WIDGET (self->when_hour_spin),
                          GTK_WIDGET (self->when_minute_spin) };

  self->syncing_when = TRUE;
  gtk_spin_button_set_range (self->when_day_spin, 1,
                             g_date_get_days_in_month (g_date_time_get_month (shown), g_date_time_get_year (shown)));
  gtk_spin_button_set_value (self->when_year_spin, g_date_time_get_year (shown));
  gtk_spin_button_set_value (self->when_month_spin, g_date_time_get_month (shown));
  gtk_spin_button_set_value (self->when_day_spin, g_date_time_get_day_of_month (shown));
  gtk_spin_button_set_value (self->when_hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->when_minute_spin, g_date_time_get_minute (shown));
  self->syncing_when = FALSE;
  adw_action_row_set_subtitle (self->when_date_row, day);

  if (future)
    {
      g_autofree char *refused = g_strdup_printf ("%s — %s", subtitle, _("later than now"));

      adw_expander_row_set_subtitle (self->when_row, refused);
      gtk_label_set_label (self->when_error_label, _("A check-in can be dated now or earlier, not later than now."));
    }
  else
    adw_expander_row_set_subtitle (self->when_row, subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (future)
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_label (self->when_error_label), -1);
    else
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (self->when_error_icon, future);
  gtk_widget_set_visible (self->when_now_button, self->when != NULL);
  gtk_widget_set_visible (self->when_error_row, future);
  gtk_widget_set_visible (GTK_WIDGET (self->when_error_label), future);
}

static gboolean
is_complete (LimberCheckinDialog *self)
{
  return limber_rating_get_value (self->pain_rating) != LIMBER_RATING_UNSET
         && limber_rating_get_value (self->stiffness_rating) != LIMBER_RATING_UNSET;
}

static void
show_value (GtkLabel     *label,
            LimberRating *rating)
{
  int value = limber_rating_get_value (rating);
  g_autofree char *text = NULL;

  if (value == LIMBER_RATING_UNSET)
    text = g_strdup (_("Not chosen"));
  else
    /* Translators: a pain or stiffness rating, e.g. "3 of 10" */
    text = g_strdup_printf (_("%d of %d"), value, LIMBER_RATING_MAX);
  gtk_label_set_label (label, text);
}

static void
update (LimberCheckinDialog *self)
{
  gboolean complete = is_complete (self);
  gboolean prefilled = self->prefilled_pain != LIMBER_RATING_UNSET
                       && limber_rating_get_value (self->pain_rating) == self->prefilled_pain;

  show_value (self->pain_value_label, self->pain_rating);
  show_value (self->stiffness_value_label, self->stiffness_rating);

  gtk_widget_set_visible (self->pain_prefill_label, prefilled);
  if (prefilled)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->pain_rating),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->pain_prefill_label, NULL,
                                    -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->pain_rating),
                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);

  show_when (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.save", complete && !is_in_future (self));
  if (!complete)
    gtk_widget_set_tooltip_text (self->save_button, _("Choose pain and stiffness to save"));
  else if (is_in_future (self))
    gtk_widget_set_tooltip_text (self->save_button, _("Choose a time now or earlier to save"));
  else
    gtk_widget_set_tooltip_text (self->save_button, _("Save (Ctrl+Enter)"));
}

/* A field changed: that is the chosen time now. A day past the end of
 * the month (the 31st, then February chosen) becomes the month's last. */
static void
when_edited (LimberCheckinDialog *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day;

  if (self->syncing_when)
    return;

  year = gtk_spin_button_get_value_as_int (self->when_year_spin);
  month = gtk_spin_button_get_value_as_int (self->when_month_spin);
  day = MIN (gtk_spin_button_get_value_as_int (self->when_day_spin),
             g_date_get_days_in_month (month, year));
  zone = limber_time_zone_local ();
  g_clear_pointer (&self->when, g_date_time_unref);
  self->when = g_date_time_new (zone, year, month, day,
                                gtk_spin_button_get_value_as_int (self->when_hour_spin),
                                gtk_spin_button_get_value_as_int (self->when_minute_spin), 0);
  update (self);
}

static void
when_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LimberCheckinDialog *self = LIMBER_CHECKIN_DIALOG (widget);

  g_clear_pointer (&self->when, g_date_time_unref);
  update (self);
}

/* Two digits, 09 rather than 9. */
static gboolean
two_digits (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * limber_checkin_dialog_set_time:
 * @time: (nullable): when the check-in was, or %NULL for "now"
 *
 * Chooses the time as the When row would; a time later than now shows
 * why it is refused and keeps Save disabled.
 */
void
limber_checkin_dialog_set_time (LimberCheckinDialog *self,
                                GDateTime           *time)
{
  g_return_if_fail (LIMBER_IS_CHECKIN_DIALOG (self));

  g_clear_pointer (&self->when, g_date_time_unref);
  if (time != NULL)
    self->when = limber_time_to_local (time);
  update (self);
}

/**
 * limber_checkin_dialog_get_checkin:
 *
 * Returns: (transfer full): the check-in as the form shows it now; pain
 *   and stiffness are %LIMBER_RATING_UNSET while not chosen
 */
LimberCheckin *
limber_checkin_dialog_get_checkin (LimberCheckinDialog *self)
{
  LimberCheckin *checkin;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (LIMBER_IS_CHECKIN_DIALOG (self), NULL);

  checkin = self->editing ? limber_checkin_copy (self->editing) : limber_checkin_new ();
  /* "Now" re-dates an edited check-in too */
  g_date_time_unref (checkin->time);
  checkin->time = self->when ? g_date_time_ref (self->when) : limber_time_now_local ();
  checkin->pain = limber_rating_get_value (self->pain_rating);
  checkin->stiffness = limber_rating_get_value (self->stiffness_rating);
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

  limber_rating_set_value (self->pain_rating, CLAMP (checkin->pain, 0, LIMBER_RATING_MAX));
  limber_rating_set_value (self->stiffness_rating, CLAMP (checkin->stiffness, 0, LIMBER_RATING_MAX));
  adw_combo_row_set_selected (self->side_row, checkin->side);
  adw_expander_row_set_enable_expansion (self->morning_row, checkin->morning_stiffness >= 0);
  if (checkin->morning_stiffness >= 0)
    gtk_spin_button_set_value (self->morning_spin, checkin->morning_stiffness);
  gtk_switch_set_active (self->numbness_switch, (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS) != 0);
  gtk_switch_set_active (self->radiating_switch, (checkin->symptoms & LIMBER_SYMPTOM_RADIATING) != 0);
  gtk_switch_set_active (self->weakness_switch, (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            checkin->note ? checkin->note : "", -1);
  limber_checkin_dialog_set_time (self, checkin->time);
}

/**
 * limber_checkin_dialog_set_initial_pain:
 * @value: the pain to start from, 0 to 10, or %LIMBER_RATING_UNSET for none
 *
 * Starts the form from a pain the person has already given, such as the
 * rating at the end of a routine; the form says where it came from until
 * they change it. Stiffness stays as it is (unset on a new check-in).
 */
void
limber_checkin_dialog_set_initial_pain (LimberCheckinDialog *self,
                                        int                  value)
{
  g_return_if_fail (LIMBER_IS_CHECKIN_DIALOG (self));
  g_return_if_fail (value >= LIMBER_RATING_UNSET && value <= LIMBER_RATING_MAX);

  self->prefilled_pain = value;
  limber_rating_set_value (self->pain_rating, value);
  update (self);
}

/**
 * limber_checkin_dialog_save:
 *
 * Saves the form and closes the dialog, or keeps it open and says why not.
 * Pain and stiffness must both be chosen.
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

  if (!is_complete (self))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose pain and stiffness to save")));
      return FALSE;
    }
  if (is_in_future (self))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Choose a time now or earlier to save")));
      return FALSE;
    }

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

      limber_ui_show_error_toast (self->toast_overlay, message);
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
  g_clear_pointer (&self->when, g_date_time_unref);

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

  g_type_ensure (LIMBER_TYPE_RATING);
  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, pain_rating);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, stiffness_rating);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, pain_value_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, stiffness_value_label);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, pain_prefill_label);
  /* the ratings' names, looked up by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "pain_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "stiffness_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, side_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, morning_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, morning_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, numbness_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, radiating_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, weakness_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_error_icon);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_now_button);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_date_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_day_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_month_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_year_spin);
  gtk_widget_class_bind_template_child_full (widget_class, "when_time_row", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_error_row);
  gtk_widget_class_bind_template_child (widget_class, LimberCheckinDialog, when_error_label);
  gtk_widget_class_bind_template_callback (widget_class, when_edited);
  gtk_widget_class_bind_template_callback (widget_class, two_digits);
  gtk_widget_class_install_action (widget_class, "checkin.when-now", NULL, when_now_action);

  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
limber_checkin_dialog_init (LimberCheckinDialog *self)
{
  self->prefilled_pain = LIMBER_RATING_UNSET;
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));

  g_signal_connect_object (self->pain_rating, "notify::value", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stiffness_rating, "notify::value", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  /* a form left open a while: "now" and "later than now" move on */
  g_signal_connect_object (self->when_row, "notify::expanded", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
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
      gtk_label_set_label (self->window_title, _("Edit Check-In"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->pain_rating));
  return GTK_WIDGET (self);
}

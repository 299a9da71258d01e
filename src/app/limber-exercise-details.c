/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-exercise-details.h"
#include "limber-illustration.h"
#include "limber-time.h"

/* One exercise, as a routine's page shows it when its step is opened and
 * as the exercise's own window (LimberExerciseWindow) shows it. */

/* The exercise's picture, drawn at the size it is shown at and named for
 * screen readers by the exercise. */
GtkWidget *
limber_exercise_details_new_picture (LimberExercise *exercise,
                                     int             width,
                                     int             height)
{
  GtkWidget *picture = limber_illustration_new ();

  limber_illustration_set_exercise (LIMBER_ILLUSTRATION (picture), exercise);
  gtk_widget_set_size_request (picture, width, height);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, limber_exercise_get_name (exercise),
                                  -1);
  return picture;
}

/* What the journal knows of the exercise: how often and how long it was
 * done, when last, and how often it was stopped because it hurt. */
static char *
describe_record (LimberJournal  *journal,
                 LimberExercise *exercise)
{
  LimberExerciseRecord record = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *date = NULL;

  if (journal == NULL)
    return NULL;
  if (!limber_journal_get_exercise_record (journal, limber_exercise_get_id (exercise), &record, &error))
    {
      g_message ("Could not read the record of %s: %s", limber_exercise_get_id (exercise), error->message);
      return NULL;
    }
  if (record.times_done == 0)
    return g_strdup (_("Not done yet."));

  total = limber_format_duration_rounded ((record.total_done_ms + 500) / 1000);
  utc = g_date_time_new_from_unix_utc (record.last_done / G_USEC_PER_SEC);
  last = utc ? limber_time_to_local (utc) : NULL;
  /* Translators: a date, as in “last on 3 December 2026” */
  date = last ? g_date_time_format (last, _("%-d %B %Y")) : g_strdup ("?");
  g_string_append_printf (text,
                          /* Translators: times done, the total time, then the date of the last time */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Done %u time, %s in all, last on %s.",
                                       "Done %u times, %s in all, last on %s.",
                                       record.times_done),
                          record.times_done, total, date);
  if (record.times_stopped_for_pain > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Stopped %u time because it hurt.",
                                           "Stopped %u times because it hurt.",
                                           record.times_stopped_for_pain),
                              record.times_stopped_for_pain);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * limber_exercise_details_new:
 * @journal: (nullable): where the exercise's record is read from
 *
 * Returns: (transfer floating): the exercise's picture, summary, muscles,
 * record, instructions and caution, with Edit for an own exercise
 */
GtkWidget *
limber_exercise_details_new (LimberExercise *exercise,
                             LimberJournal  *journal)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *picture = limber_exercise_details_new_picture (exercise, -1, 200);
  GtkWidget *label;
  GtkWidget *caution_box, *icon;
  const char * const *steps = limber_exercise_get_instructions (exercise);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *muscles = g_strjoinv (", ", (char **) limber_exercise_get_muscles (exercise));
  g_autofree char *works = g_strdup_printf (_("Works: %s"), muscles);
  g_autofree char *record = NULL;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (picture, "limber-illustration");
  gtk_box_append (GTK_BOX (box), picture);

  label = gtk_label_new (limber_exercise_get_summary (exercise));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (works);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  record = describe_record (journal, exercise);
  if (record != NULL)
    {
      label = gtk_label_new (record);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_name (label, "record");
      gtk_box_append (GTK_BOX (box), label);
    }

  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a numbered instruction, e.g. “1. Sit tall.” */
      g_string_append_printf (text, _("%u. %s"), i + 1, steps[i]);
    }
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);

  caution_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Caution"),
                                  -1);
  gtk_box_append (GTK_BOX (caution_box), icon);
  /* an own exercise may have no caution of its own: the general one then */
  label = gtk_label_new (*limber_exercise_get_caution (exercise) != '\0'
                         ? limber_exercise_get_caution (exercise)
                         : _("Ease off if you feel sharp pain, numbness or tingling."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (caution_box), label);
  gtk_box_append (GTK_BOX (box), caution_box);

  if (!limber_exercise_is_bundled (exercise))
    {
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit Exercise…"));

      gtk_widget_set_halign (edit, GTK_ALIGN_START);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", limber_exercise_get_id (exercise));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-exercise");
      gtk_box_append (GTK_BOX (box), edit);
    }

  return box;
}

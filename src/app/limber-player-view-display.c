/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-player"

#include <glib/gi18n.h>

#include "limber-player-view-private.h"

/* What the coach shows: the phase in its colour, the exercise, its side
 * and its instructions, the seconds and the ring, what comes next and the
 * time left. limber-player-view.c calls these when the player changes
 * phase and when a second passes. */

static const char *phase_classes[] = { "prepare", "switch", "rest", "urgent" };

/**
 * limber_format_clock:
 *
 * Returns: (transfer full): “5:07” for 5 minutes 7 seconds, rounded up so
 * that a countdown reaches 0:00 only at its end.
 */
char *
limber_format_clock (gint64 microseconds)
{
  gint64 seconds = (MAX (microseconds, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

static LimberExercise *
shown_exercise (LimberPlayerView  *self,
                const LimberPhase *phase)
{
  LimberRoutine *routine = limber_player_get_routine (self->player);
  guint step = phase->step;

  /* during a rest between exercises, show what comes next */
  if (phase->kind == LIMBER_PHASE_REST && step + 1 < limber_routine_get_n_steps (routine))
    step++;
  return limber_routine_get_step (routine, step)->exercise;
}

static void
set_style (GtkWidget  *widget,
           const char *style)
{
  for (guint i = 0; i < G_N_ELEMENTS (phase_classes); i++)
    gtk_widget_remove_css_class (widget, phase_classes[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/* GTK 4.8 has no way to announce (gtk_accessible_announce is 4.14) and no
 * live regions. A screen reader speaks a change of the focused widget's
 * description, and the focus stays on a control while a routine plays:
 * each control's description starts with the phase in words, so the new
 * phase is read out wherever the focus is, and again with the control. */
void
_limber_player_view_update_descriptions (LimberPlayerView *self)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->pause_button), self->previous_button, self->skip_button,
    self->next_button, self->stop_button, self->hurts_button, self->coach_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      const char *tip = gtk_widget_get_tooltip_text (controls[i]);
      g_autofree char *text = NULL;

      if (self->announcement == NULL)
        text = g_strdup (tip);
      else if (tip == NULL)
        text = g_strdup (self->announcement);
      else
        /* Translators: a player control's description for screen readers:
         * the phase, e.g. "Hold: Chair hamstring stretch, left side", then its tooltip */
        text = g_strdup_printf (_("%s. %s"), self->announcement, tip);
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (controls[i]),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (controls[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (self->announcement != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->announcement,
                                    -1);
}

void
_limber_player_view_update_clock (LimberPlayerView *self)
{
  const LimberPhase *phase = limber_player_get_phase (self->player);
  gint64 remaining, elapsed;
  g_autofree char *seconds = NULL;
  g_autofree char *left = NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *spoken = NULL;
  gint64 whole;
  gboolean urgent;

  if (phase == NULL)
    return;

  remaining = limber_player_get_remaining (self->player);
  elapsed = phase->duration_ms * (gint64) 1000 - remaining;
  seconds = g_strdup_printf ("%" G_GINT64_FORMAT, (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  limber_digits_set_text (self->seconds_label, seconds);
  /* the digits are drawn: their name is what a screen reader can read */
  whole = (remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second left", "%d seconds left", (gulong) whole),
                            (int) whole);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->seconds_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  limber_countdown_set_fraction (self->countdown,
                                 phase->duration_ms > 0 ? elapsed / (phase->duration_ms * 1000.0) : 1.0);

  urgent = remaining <= 3 * G_USEC_PER_SEC &&
           (phase->kind == LIMBER_PHASE_HOLD || phase->kind == LIMBER_PHASE_REPETITIONS);
  if (urgent)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->countdown), "urgent");
      gtk_widget_add_css_class (GTK_WIDGET (self->seconds_label), "urgent");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown), "urgent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->seconds_label), "urgent");
    }

  left = limber_format_clock (limber_player_get_routine_remaining (self->player));
  /* Translators: time left in the whole routine, e.g. “5:07 left” */
  left_text = g_strdup_printf (_("%s left"), left);
  gtk_inscription_set_text (self->remaining_label, left_text);

  if (phase->kind == LIMBER_PHASE_REPETITIONS || phase->kind == LIMBER_PHASE_HOLD)
    {
      g_autoptr(GString) detail = g_string_new (NULL);

      if (phase->side == LIMBER_SIDE_LEFT)
        g_string_append (detail, _("Left side"));
      else if (phase->side == LIMBER_SIDE_RIGHT)
        g_string_append (detail, _("Right side"));

      if (phase->kind == LIMBER_PHASE_REPETITIONS)
        {
          if (detail->len)
            g_string_append (detail, " · ");
          /* Translators: the live count of a counted move */
          g_string_append_printf (detail, _("Repetition %u of %u"),
                                  limber_player_get_repetition (self->player), phase->repetitions);
        }
      if (phase->n_sets > 1)
        {
          if (detail->len)
            g_string_append (detail, " · ");
          g_string_append_printf (detail, _("Set %u of %u"), phase->set, phase->n_sets);
        }
      gtk_label_set_label (self->detail_label, detail->str);
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);
    }
}

void
_limber_player_view_update_phase (LimberPlayerView *self)
{
  const LimberPhase *phase = limber_player_get_phase (self->player);
  LimberRoutine *routine = limber_player_get_routine (self->player);
  const LimberPhase *next;
  int next_step;
  LimberExercise *exercise;
  const char * const *steps;
  const char *label = NULL, *style = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (phase == NULL)
    return;

  exercise = shown_exercise (self, phase);

  switch (phase->kind)
    {
    case LIMBER_PHASE_PREPARE:
      label = _("Get Ready");
      style = "prepare";
      break;
    case LIMBER_PHASE_HOLD:
      label = _("Hold");
      break;
    case LIMBER_PHASE_REPETITIONS:
      label = _("Move");
      break;
    case LIMBER_PHASE_SET_REST:
      label = _("Rest Between Sets");
      style = "rest";
      break;
    case LIMBER_PHASE_SWITCH_SIDES:
      label = _("Switch Sides");
      style = "switch";
      break;
    case LIMBER_PHASE_REST:
      label = _("Rest — Next Up");
      style = "rest";
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (self->phase_label, label);
  set_style (GTK_WIDGET (self->phase_label), style);
  set_style (GTK_WIDGET (self->countdown), style);

  limber_illustration_set_exercise (self->illustration, exercise);
  /* a drawing serves both sides; a photo is mirrored only if asked */
  limber_illustration_set_mirrored (self->illustration,
                                    phase->side == LIMBER_SIDE_RIGHT && limber_exercise_get_mirror_picture (exercise));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->illustration),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, limber_exercise_get_name (exercise),
                                  -1);
  gtk_label_set_label (self->name_label, limber_exercise_get_name (exercise));

  if (phase->kind == LIMBER_PHASE_PREPARE || phase->kind == LIMBER_PHASE_SWITCH_SIDES ||
      phase->kind == LIMBER_PHASE_SET_REST || phase->kind == LIMBER_PHASE_REST)
    {
      const char *detail = NULL;

      if (phase->kind == LIMBER_PHASE_SWITCH_SIDES)
        detail = _("Now the right side");
      else if (phase->side == LIMBER_SIDE_LEFT)
        detail = _("Left side first");
      gtk_label_set_label (self->detail_label, detail ? detail : "");
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
    }
  /* the switch is announced large, in its colour, as well as by the pill */
  set_style (GTK_WIDGET (self->detail_label), phase->kind == LIMBER_PHASE_SWITCH_SIDES ? "switch" : NULL);
  set_style (GTK_WIDGET (self->seconds_label), style);

  steps = limber_exercise_get_instructions (exercise);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%u. %s"), i + 1, steps[i]);
    }
  gtk_label_set_label (self->instructions_label, text->str);

  /* during a rest the coming exercise is already shown: name the one after */
  next = limber_player_peek_next_work (self->player);
  if (next != NULL && phase->kind == LIMBER_PHASE_REST)
    next_step = phase->step + 2 < limber_routine_get_n_steps (routine) ? (int) phase->step + 2 : -1;
  else
    next_step = next != NULL ? (int) next->step : -1;
  if (next_step >= 0)
    {
      g_autofree char *next_text = NULL;

      next_text = g_strdup_printf (_("Next: %s"),
                                   limber_exercise_get_name (limber_routine_get_step (routine, next_step)->exercise));
      gtk_label_set_label (self->next_label, next_text);
    }
  else
    gtk_label_set_label (self->next_label, _("Last exercise"));

  /* Translators: the position in the routine */
  subtitle = g_strdup_printf (_("Exercise %u of %u"), phase->step + 1, limber_routine_get_n_steps (routine));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  g_free (self->announcement);
  if (gtk_widget_get_visible (GTK_WIDGET (self->detail_label)) && phase->kind != LIMBER_PHASE_HOLD &&
      phase->kind != LIMBER_PHASE_REPETITIONS)
    /* Translators: the phase for screen readers, e.g.
     * "Switch Sides: Chair hamstring stretch, Now the right side" */
    self->announcement = g_strdup_printf (_("%s: %s, %s"), label, limber_exercise_get_name (exercise),
                                          gtk_label_get_label (self->detail_label));
  else if (phase->side == LIMBER_SIDE_LEFT || phase->side == LIMBER_SIDE_RIGHT)
    self->announcement = g_strdup_printf (_("%s: %s, %s"), label, limber_exercise_get_name (exercise),
                                          phase->side == LIMBER_SIDE_LEFT ? _("Left side") : _("Right side"));
  else
    /* Translators: the phase for screen readers, e.g. "Hold: Posture reset" */
    self->announcement = g_strdup_printf (_("%s: %s"), label, limber_exercise_get_name (exercise));
  _limber_player_view_update_descriptions (self);

  _limber_player_view_update_clock (self);
}


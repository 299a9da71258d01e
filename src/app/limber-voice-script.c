/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-voice"

#include <glib/gi18n-lib.h>

#include "limber-voice-private.h"

/* What the voice coach says: short sentences for someone lying on the
 * floor, in the words the player view shows (“Left side”, “Switch
 * Sides”, “Next: …”), each one complete on its own since any of them may
 * be cut short by the next. */

/* The last seconds of a hold that are counted aloud. */
#define COUNT_DOWN_FROM 3

static const char *
side_sentence (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return _("Left side.");
    case LIMBER_SIDE_RIGHT:
      return _("Right side.");
    case LIMBER_SIDE_NONE:
    default:
      return NULL;
    }
}

static const char *
exercise_name (LimberRoutine *routine,
               guint          step)
{
  return limber_exercise_get_name (limber_routine_get_step (routine, step)->exercise);
}

/* The first hold or counted move of a later step, as in the player view's
 * “Next: …”. */
static const LimberPhase *
next_work (const GArray *phases,
           guint         index)
{
  guint step = g_array_index (phases, LimberPhase, index).step;

  for (guint i = index + 1; i < phases->len; i++)
    {
      const LimberPhase *phase = &g_array_index (phases, LimberPhase, i);

      if ((phase->kind == LIMBER_PHASE_HOLD || phase->kind == LIMBER_PHASE_REPETITIONS) &&
          phase->step != step)
        return phase;
    }
  return NULL;
}

/* What is said when phase @index starts. */
char *
_limber_voice_script_phase (LimberPlayer *player,
                            guint         index)
{
  const GArray *phases = limber_player_get_phases (player);
  LimberRoutine *routine = limber_player_get_routine (player);
  const LimberPhase *phase;
  const LimberPhase *next;
  g_autoptr(GString) text = g_string_new (NULL);
  guint seconds;

  g_assert (index < phases->len);
  phase = &g_array_index (phases, LimberPhase, index);
  seconds = (phase->duration_ms + 500) / 1000;

  switch (phase->kind)
    {
    case LIMBER_PHASE_PREPARE:
      /* Translators: spoken when getting ready for an exercise, %s is its name */
      g_string_append_printf (text, _("%s."), exercise_name (routine, phase->step));
      if (side_sentence (phase->side) != NULL)
        g_string_append_printf (text, " %s", side_sentence (phase->side));
      if (phase->step + 1 == limber_routine_get_n_steps (routine) &&
          limber_routine_get_n_steps (routine) > 1)
        g_string_append_printf (text, " %s", _("Last exercise."));
      break;

    case LIMBER_PHASE_HOLD:
      if (phase->n_sets > 1)
        {
          /* Translators: spoken at the start of a set */
          g_string_append_printf (text, _("Set %u of %u."), phase->set, phase->n_sets);
          g_string_append_c (text, ' ');
        }
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Hold for %u second.",
                                           "Hold for %u seconds.", seconds),
                              seconds);
      break;

    case LIMBER_PHASE_REPETITIONS:
      if (phase->n_sets > 1)
        {
          g_string_append_printf (text, _("Set %u of %u."), phase->set, phase->n_sets);
          g_string_append_c (text, ' ');
        }
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Move: %u repetition.",
                                           "Move: %u repetitions.", phase->repetitions),
                              phase->repetitions);
      break;

    case LIMBER_PHASE_SET_REST:
      /* Translators: spoken between two sets of an exercise */
      g_string_append_printf (text, _("Rest. Next: set %u of %u."), phase->set, phase->n_sets);
      break;

    case LIMBER_PHASE_SWITCH_SIDES:
      g_string_append (text, _("Switch sides. Now the right side."));
      break;

    case LIMBER_PHASE_REST:
      next = next_work (phases, index);
      if (next != NULL)
        /* Translators: spoken when resting between exercises, %s is the next one */
        g_string_append_printf (text, _("Rest. Next: %s."), exercise_name (routine, next->step));
      else
        g_string_append (text, _("Rest."));
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Said for @seconds_left of the current phase, or %NULL: only holds are
 * counted, since counting while getting ready would cut off the name of
 * the exercise, and counted moves have a tempo of their own. */
const char *
_limber_voice_script_count (LimberPlayer *player,
                            guint         seconds_left)
{
  static const char *numbers[] = { NULL, N_("One"), N_("Two"), N_("Three") };
  const LimberPhase *phase = limber_player_get_phase (player);

  G_STATIC_ASSERT (G_N_ELEMENTS (numbers) == COUNT_DOWN_FROM + 1);

  if (phase == NULL || phase->kind != LIMBER_PHASE_HOLD)
    return NULL;
  if (seconds_left == 0 || seconds_left > COUNT_DOWN_FROM)
    return NULL;
  return _(numbers[seconds_left]);
}

const char *
_limber_voice_script_outcome (LimberOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_OUTCOME_COMPLETED:
      return _("Well done. Routine complete.");

    case LIMBER_OUTCOME_STOPPED_FOR_PAIN:
      return _("Routine stopped. Rest, and go more gently next time.");

    case LIMBER_OUTCOME_STOPPED:
    case LIMBER_OUTCOME_INTERRUPTED:
    case LIMBER_OUTCOME_IN_PROGRESS:
    default:
      return _("Routine stopped.");
    }
}

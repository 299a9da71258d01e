/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-checkin"

#include <glib/gi18n-lib.h>

#include "limber-checkin.h"
#include "limber-enums.h"
#include "limber-journal.h"
#include "limber-time.h"

G_DEFINE_BOXED_TYPE (LimberCheckin, limber_checkin,
                     limber_checkin_copy, limber_checkin_free)

/* The journal stores the nicks, and the command line takes them, so they
 * must never change. */
G_DEFINE_ENUM_TYPE (LimberBodySide, limber_body_side,
  G_DEFINE_ENUM_VALUE (LIMBER_BODY_SIDE_BOTH, "both"),
  G_DEFINE_ENUM_VALUE (LIMBER_BODY_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (LIMBER_BODY_SIDE_RIGHT, "right"))

/* How far ahead of this computer's clock a check-in may be: a few seconds
 * between taking the time and saving, or between two clocks. */
#define FUTURE_SLACK_S 60

#define KNOWN_SYMPTOMS (LIMBER_SYMPTOM_NUMBNESS | LIMBER_SYMPTOM_RADIATING | LIMBER_SYMPTOM_WEAKNESS)

/**
 * limber_checkin_new:
 *
 * Returns: (transfer full): a check-in at the current local time, pain and
 *   stiffness 0, both sides, no morning stiffness, no symptoms, no note
 */
LimberCheckin *
limber_checkin_new (void)
{
  LimberCheckin *checkin = g_new0 (LimberCheckin, 1);

  checkin->time = limber_time_now_local ();
  checkin->side = LIMBER_BODY_SIDE_BOTH;
  checkin->morning_stiffness = -1;
  checkin->symptoms = LIMBER_SYMPTOM_NONE;
  return checkin;
}

LimberCheckin *
limber_checkin_copy (const LimberCheckin *checkin)
{
  LimberCheckin *copy;

  g_return_val_if_fail (checkin != NULL, NULL);

  copy = g_new (LimberCheckin, 1);
  *copy = *checkin;
  copy->time = checkin->time != NULL ? g_date_time_ref (checkin->time) : NULL;
  copy->note = g_strdup (checkin->note);
  return copy;
}

void
limber_checkin_free (LimberCheckin *checkin)
{
  if (checkin == NULL)
    return;

  g_clear_pointer (&checkin->time, g_date_time_unref);
  g_free (checkin->note);
  g_free (checkin);
}

/**
 * limber_checkin_validate:
 * @checkin: a check-in
 * @error: return location for a %LIMBER_JOURNAL_ERROR_INVALID
 *
 * Checks every field against its range. The message names the first field
 * that is wrong and says which values it takes, in words a person can act on.
 *
 * Returns: %TRUE if @checkin can be saved
 */
gboolean
limber_checkin_validate (const LimberCheckin  *checkin,
                         GError              **error)
{
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (checkin->time == NULL)
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("A check-in needs a date and time."));
      return FALSE;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    /* it would stay "today" for ever */
    if (g_date_time_difference (checkin->time, now) > FUTURE_SLACK_S * G_TIME_SPAN_SECOND)
      {
        g_autoptr(GDateTime) local = limber_time_to_local (checkin->time);
        g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

        g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                     _("A check-in cannot be dated in the future (%s); check the computer’s clock."),
                     when);
        return FALSE;
      }
  }
  if (checkin->pain < 0 || checkin->pain > 10)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("Pain is a whole number from 0 (none) to 10 (worst imaginable); %d is out of range."),
                   checkin->pain);
      return FALSE;
    }
  if (checkin->stiffness < 0 || checkin->stiffness > 10)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("Stiffness is a whole number from 0 (none) to 10 (as stiff as can be); %d is out of range."),
                   checkin->stiffness);
      return FALSE;
    }
  if (limber_enum_to_nick (LIMBER_TYPE_BODY_SIDE, checkin->side) == NULL)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("The side is left, right or both; %d is not one of them."),
                   (int) checkin->side);
      return FALSE;
    }
  if (checkin->morning_stiffness != -1 &&
      (checkin->morning_stiffness < 0 || checkin->morning_stiffness > LIMBER_MORNING_STIFFNESS_MAX))
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("Morning stiffness is a number of minutes from 0 to %d (a whole day), or left out; %d is out of range."),
                   LIMBER_MORNING_STIFFNESS_MAX, checkin->morning_stiffness);
      return FALSE;
    }
  if ((checkin->symptoms & ~KNOWN_SYMPTOMS) != 0)
    {
      g_set_error (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                   _("The symptoms are numbness or tingling, pain running down the leg, and weakness; 0x%x holds others."),
                   (guint) checkin->symptoms);
      return FALSE;
    }
  if (checkin->note != NULL && !g_utf8_validate (checkin->note, -1, NULL))
    {
      g_set_error_literal (error, LIMBER_JOURNAL_ERROR, LIMBER_JOURNAL_ERROR_INVALID,
                           _("The note is not valid text (UTF-8)."));
      return FALSE;
    }

  return TRUE;
}

/**
 * limber_body_side_to_string:
 * @side: a side of the body
 *
 * Returns: the stable name of @side ("both", "left" or "right"), as stored
 *   in the journal and used on the command line
 */
const char *
limber_body_side_to_string (LimberBodySide side)
{
  const char *nick = limber_enum_to_nick (LIMBER_TYPE_BODY_SIDE, side);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * limber_body_side_from_string:
 * @str: (nullable): a name written by limber_body_side_to_string()
 * @side: (out): where to store the side
 *
 * Returns: %TRUE if @str names a side; @side is left alone otherwise
 */
gboolean
limber_body_side_from_string (const char     *str,
                              LimberBodySide *side)
{
  int value;

  g_return_val_if_fail (side != NULL, FALSE);

  if (!limber_enum_from_nick (LIMBER_TYPE_BODY_SIDE, str, &value))
    return FALSE;
  *side = (LimberBodySide) value;
  return TRUE;
}

/**
 * limber_checkin_compare:
 * @a: a pointer to a #LimberCheckin pointer
 * @b: the same
 *
 * For g_ptr_array_sort(): oldest first, then the order they were written in.
 */
int
limber_checkin_compare (gconstpointer a,
                        gconstpointer b)
{
  const LimberCheckin *x = *(LimberCheckin * const *) a;
  const LimberCheckin *y = *(LimberCheckin * const *) b;
  int cmp = g_date_time_compare (x->time, y->time);

  return cmp != 0 ? cmp : (x->id > y->id) - (x->id < y->id);
}

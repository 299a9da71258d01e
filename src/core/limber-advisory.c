/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-advisory"

#include <glib/gi18n-lib.h>

#include "limber-advisory.h"
#include "limber-enums.h"

/* The advisory to see a healthcare professional. Which signs call for it is
 * a pure function of the check-ins; the journal remembers when each sign's
 * advisory was last shown (limber-journal-advisories.c), so that it comes
 * once and not on every check-in. The words inform and never diagnose. */

/* The advisories table stores the nicks, so they must never change. */
G_DEFINE_FLAGS_TYPE (LimberAdvice, limber_advice,
  G_DEFINE_ENUM_VALUE (LIMBER_ADVICE_NUMBNESS, "numbness"),
  G_DEFINE_ENUM_VALUE (LIMBER_ADVICE_RADIATING, "radiating"),
  G_DEFINE_ENUM_VALUE (LIMBER_ADVICE_WEAKNESS, "weakness"),
  G_DEFINE_ENUM_VALUE (LIMBER_ADVICE_HIGH_PAIN, "high-pain"),
  G_DEFINE_ENUM_VALUE (LIMBER_ADVICE_RISING_PAIN, "rising-pain"))

/**
 * limber_advice_to_string:
 * @reason: exactly one reason
 *
 * Returns: (nullable): the reason's stable name, as stored in the journal,
 *   or %NULL when @reason is not exactly one known reason
 */
const char *
limber_advice_to_string (LimberAdvice reason)
{
  return limber_flag_to_nick (LIMBER_TYPE_ADVICE, reason);
}

typedef struct
{
  int year, month, day;
  int highest;
} DayPain;

/* Highest pain per local day, for check-ins in the window, oldest day first. */
static GArray *
daily_highest_pain (const LimberCheckin *saved,
                    GPtrArray           *recent)
{
  GTimeZone *tz = g_date_time_get_timezone (saved->time);
  g_autoptr(GDateTime) window_start = g_date_time_add_days (saved->time, -LIMBER_ADVISORY_WINDOW_DAYS);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GArray *days = g_array_new (FALSE, TRUE, sizeof (DayPain));

  if (recent != NULL)
    for (guint i = 0; i < recent->len; i++)
      {
        const LimberCheckin *c = g_ptr_array_index (recent, i);

        if (c == saved || c->time == NULL)
          continue;
        /* the saved check-in as it was read back from the journal */
        if (saved->id > 0 && c->id == saved->id)
          continue;
        if (g_date_time_compare (c->time, window_start) <= 0 ||
            g_date_time_compare (c->time, saved->time) > 0)
          continue;
        g_ptr_array_add (all, (gpointer) c);
      }
  g_ptr_array_add (all, (gpointer) saved);

  for (guint i = 0; i < all->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (all, i);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (c->time, tz);
      DayPain day = { 0 };
      gboolean found = FALSE;

      g_date_time_get_ymd (local, &day.year, &day.month, &day.day);
      day.highest = c->pain;

      for (guint j = 0; j < days->len; j++)
        {
          DayPain *d = &g_array_index (days, DayPain, j);

          if (d->year == day.year && d->month == day.month && d->day == day.day)
            {
              d->highest = MAX (d->highest, day.highest);
              found = TRUE;
              break;
            }
        }

      if (!found)
        {
          guint at = days->len;

          /* keep the days in order; the lists are short */
          while (at > 0)
            {
              DayPain *d = &g_array_index (days, DayPain, at - 1);

              if (d->year < day.year ||
                  (d->year == day.year && (d->month < day.month ||
                                           (d->month == day.month && d->day < day.day))))
                break;
              at--;
            }
          g_array_insert_val (days, at, day);
        }
    }

  return days;
}

/**
 * limber_advisory_check:
 * @saved: the check-in just saved
 * @recent: (nullable) (element-type LimberCheckin): other recent check-ins,
 *   in any order; @saved itself (same pointer, or same id once stored) may
 *   be among them
 *
 * Says which signs in @saved deserve a healthcare professional's look:
 *
 * - numbness or tingling, pain running down the leg, or weakness noted;
 * - pain at %LIMBER_ADVISORY_HIGH_PAIN (8) or above;
 * - rising pain: the check-ins from the %LIMBER_ADVISORY_WINDOW_DAYS days up
 *   to and including @saved are grouped by calendar day in @saved's time
 *   zone, each day counting with its highest pain. The last three such days
 *   (the last one being @saved's day; the days need not follow each other)
 *   must each be higher than the one before, and the last at least 3 above
 *   the first: 2, 3, 5 is rising; 4, 5, 6 or 3, 6, 6 is not. Check-ins after
 *   @saved are ignored.
 *
 * Returns: the reasons, or %LIMBER_ADVICE_NONE
 */
LimberAdvice
limber_advisory_check (const LimberCheckin *saved,
                       GPtrArray           *recent)
{
  LimberAdvice reasons = LIMBER_ADVICE_NONE;
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (saved != NULL, LIMBER_ADVICE_NONE);
  g_return_val_if_fail (saved->time != NULL, LIMBER_ADVICE_NONE);

  if (saved->symptoms & LIMBER_SYMPTOM_NUMBNESS)
    reasons |= LIMBER_ADVICE_NUMBNESS;
  if (saved->symptoms & LIMBER_SYMPTOM_RADIATING)
    reasons |= LIMBER_ADVICE_RADIATING;
  if (saved->symptoms & LIMBER_SYMPTOM_WEAKNESS)
    reasons |= LIMBER_ADVICE_WEAKNESS;
  if (saved->pain >= LIMBER_ADVISORY_HIGH_PAIN)
    reasons |= LIMBER_ADVICE_HIGH_PAIN;

  days = daily_highest_pain (saved, recent);
  if (days->len >= 3)
    {
      int a = g_array_index (days, DayPain, days->len - 3).highest;
      int b = g_array_index (days, DayPain, days->len - 2).highest;
      int c = g_array_index (days, DayPain, days->len - 1).highest;

      if (a < b && b < c && c - a >= 3)
        reasons |= LIMBER_ADVICE_RISING_PAIN;
    }

  return reasons;
}

/**
 * limber_advisory_describe:
 * @reasons: reasons from limber_advisory_check()
 *
 * A calm, plain message for @reasons: what was noted, and that a
 * healthcare professional is worth seeing about it.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL for
 *   %LIMBER_ADVICE_NONE
 */
char *
limber_advisory_describe (LimberAdvice reasons)
{
  g_autoptr(GString) text = NULL;
  guint n = 0;

  reasons &= LIMBER_ADVICE_ALL;
  if (reasons == LIMBER_ADVICE_NONE)
    return NULL;

  text = g_string_new (NULL);

#define ADD(sentence) \
  G_STMT_START { \
    if (text->len > 0) \
      g_string_append_c (text, ' '); \
    g_string_append (text, sentence); \
    n++; \
  } G_STMT_END

  if (reasons & LIMBER_ADVICE_NUMBNESS)
    ADD (_("You noted numbness or tingling."));
  if (reasons & LIMBER_ADVICE_RADIATING)
    ADD (_("You noted pain running down your leg."));
  if (reasons & LIMBER_ADVICE_WEAKNESS)
    ADD (_("You noted weakness."));
  if (reasons & LIMBER_ADVICE_HIGH_PAIN)
    ADD (_("You rated your pain at 8 or more out of 10."));
  if (reasons & LIMBER_ADVICE_RISING_PAIN)
    ADD (_("Your pain has gone up over your last few check-ins."));

#undef ADD

  g_string_append_c (text, ' ');
  g_string_append (text, g_dngettext (GETTEXT_PACKAGE,
                                      "That is worth having a healthcare professional look at, "
                                      "especially if it keeps happening. Limber can’t tell what causes it.",
                                      "These are worth having a healthcare professional look at, "
                                      "especially if they keep happening. Limber can’t tell what causes them.",
                                      n));
  g_string_append_c (text, ' ');
  g_string_append (text, _("Until then, stretch gently and stop if it hurts."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

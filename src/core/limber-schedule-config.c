/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-schedule"

#include "limber-check.h"
#include "limber-schedule.h"

/* The reminder schedule's configuration: made empty, or read from the
 * settings the Preferences window writes. What is due when is
 * limber-schedule.c's. */

static void
clear_slot (gpointer data)
{
  LimberRoutineSlot *slot = data;

  g_clear_pointer (&slot->routine_id, g_free);
}

/**
 * limber_schedule_config_new:
 *
 * A configuration with every reminder off, no routine slots, and the
 * schema's default times (a break after 50 minutes, 5 idle minutes count
 * as a break, the check-in at 20:00, quiet hours from 22:00 to 07:00,
 * working hours Monday to Friday from 09:00 to 17:00).
 *
 * Returns: (transfer full): a new configuration
 */
LimberScheduleConfig *
limber_schedule_config_new (void)
{
  LimberScheduleConfig *config = g_new0 (LimberScheduleConfig, 1);

  config->break_interval = 50 * 60;
  config->idle_break = 5 * 60;
  config->routines = g_array_new (FALSE, TRUE, sizeof (LimberRoutineSlot));
  g_array_set_clear_func (config->routines, clear_slot);
  config->checkin_at = 20 * 60 * 60;
  config->quiet_start = 22 * 60 * 60;
  config->quiet_end = 7 * 60 * 60;
  config->work_days = 0x1f;
  config->spans = g_array_new (FALSE, FALSE, sizeof (LimberWorkSpan));
  g_array_append_val (config->spans, ((LimberWorkSpan) { 9 * 60 * 60, 17 * 60 * 60 }));

  return config;
}

/**
 * limber_schedule_config_free:
 * @config: (nullable): a configuration
 *
 * Frees @config and its routine slots.
 */
void
limber_schedule_config_free (LimberScheduleConfig *config)
{
  if (config == NULL)
    return;

  g_clear_pointer (&config->routines, g_array_unref);
  g_clear_pointer (&config->spans, g_array_unref);
  g_free (config);
}

/**
 * limber_schedule_parse_time:
 * @text: (nullable): a local time, "H:MM" or "HH:MM" on a 24-hour clock
 * @seconds: (out) (optional): seconds after midnight
 *
 * Parses a time of day from 00:00 to 23:59, strictly: digits only, one or
 * two for the hour, two for the minutes, nothing around them.
 *
 * Returns: whether @text is such a time; @seconds is untouched if not
 */
gboolean
limber_schedule_parse_time (const char *text,
                            guint      *seconds)
{
  guint hour = 0;
  guint minute;
  gsize i = 0;

  if (text == NULL)
    return FALSE;

  for (; i < 2 && g_ascii_isdigit (text[i]); i++)
    hour = hour * 10 + g_ascii_digit_value (text[i]);

  if (i == 0 || text[i] != ':')
    return FALSE;
  text += i + 1;

  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != '\0')
    return FALSE;
  minute = g_ascii_digit_value (text[0]) * 10 + g_ascii_digit_value (text[1]);

  if (hour > 23 || minute > 59)
    return FALSE;

  if (seconds != NULL)
    *seconds = hour * 60 * 60 + minute * 60;

  return TRUE;
}

static guint
read_time (GSettings  *settings,
           const char *key)
{
  g_autofree char *text = g_settings_get_string (settings, key);
  g_autoptr(GVariant) fallback = NULL;
  guint seconds = 0;

  if (limber_schedule_parse_time (text, &seconds))
    return seconds;

  fallback = g_settings_get_default_value (settings, key);
  g_message ("The setting %s, “%s”, is not a time as HH:MM; using “%s”",
             key, text, fallback != NULL ? g_variant_get_string (fallback, NULL) : "00:00");
  if (fallback != NULL)
    limber_schedule_parse_time (g_variant_get_string (fallback, NULL), &seconds);

  return seconds;
}

/* Spans that are not two times, or that start where they end, are left
 * out; with none left, the schema's default spans hold, so that a
 * hand-edited setting never silences the breaks by accident. */
static void
read_spans (GSettings *settings,
            GArray    *spans)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, "working-hours-spans");
  g_autoptr(GVariant) fallback = NULL;
  GVariantIter iter;
  const char *start;
  const char *end;

  g_array_set_size (spans, 0);
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &start, &end))
    {
      LimberWorkSpan span;

      if (!limber_schedule_parse_time (start, &span.start)
          || !limber_schedule_parse_time (end, &span.end)
          || span.start == span.end)
        {
          g_autofree char *start_escaped = g_strescape (start, NULL);
          g_autofree char *end_escaped = g_strescape (end, NULL);

          g_message ("Leaving out the working hours span (“%s”, “%s”): not two different times as HH:MM",
                     start_escaped, end_escaped);
          continue;
        }
      g_array_append_val (spans, span);
    }

  if (spans->len > 0)
    return;

  fallback = g_settings_get_default_value (settings, "working-hours-spans");
  g_message ("The setting working-hours-spans has no span; using the default");
  g_variant_iter_init (&iter, fallback);
  while (g_variant_iter_next (&iter, "(&s&s)", &start, &end))
    {
      LimberWorkSpan span;

      if (limber_schedule_parse_time (start, &span.start)
          && limber_schedule_parse_time (end, &span.end)
          && span.start != span.end)
        g_array_append_val (spans, span);
    }
}

/**
 * limber_schedule_config_from_settings:
 * @settings: a #GSettings for the schema io.github.limber.Limber
 *
 * Reads the reminder keys. A time that is not "HH:MM" falls back to the
 * key's default, and a routine slot with an impossible time or no routine
 * is left out, and so is a working hours span that is not two different
 * times (with none left, the default span), each with a message: a
 * hand-edited setting never stops the reminders.
 *
 * Returns: (transfer full): the configuration
 */
LimberScheduleConfig *
limber_schedule_config_from_settings (GSettings *settings)
{
  g_autoptr(LimberScheduleConfig) config = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  guint8 hour;
  guint8 minute;
  guint8 weekdays;
  char *routine_id;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  config = limber_schedule_config_new ();
  config->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  config->breaks = g_settings_get_boolean (settings, "break-reminders");
  config->break_interval = g_settings_get_uint (settings, "break-interval-minutes") * 60;
  config->idle_break = g_settings_get_uint (settings, "idle-break-minutes") * 60;
  config->checkin = g_settings_get_boolean (settings, "checkin-reminder");
  config->checkin_at = read_time (settings, "checkin-time");
  config->quiet = g_settings_get_boolean (settings, "quiet-hours");
  config->quiet_start = read_time (settings, "quiet-hours-start");
  config->quiet_end = read_time (settings, "quiet-hours-end");
  config->hours = g_settings_get_boolean (settings, "working-hours");
  g_settings_get (settings, "working-days", "y", &config->work_days);
  config->work_days &= 0x7f;
  read_spans (settings, config->spans);

  g_settings_get (settings, "routine-reminders", "a(yyys)", &iter);
  while (g_variant_iter_next (iter, "(yyys)", &hour, &minute, &weekdays, &routine_id))
    {
      LimberRoutineSlot slot = { hour, minute, weekdays & 0x7f, routine_id };

      /* the id goes into the journal helper's requests, which refuse
       * anything but an id: one bad entry would hold back every write */
      if (hour > 23 || minute > 59 || !limber_check_is_id (routine_id))
        {
          g_autofree char *escaped = g_strescape (routine_id, NULL);

          g_message ("Leaving out the routine reminder (%u, %u, %u, “%s”): no such time or routine id",
                     hour, minute, weekdays, escaped);
          g_free (routine_id);
          continue;
        }

      g_array_append_val (config->routines, slot);
    }

  return g_steal_pointer (&config);
}


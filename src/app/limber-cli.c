/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "limber-time.h"
#include "limber-journal-advisories.h"
#include "limber-cli.h"
#include "limber-cli-private.h"
#include "limber-cli-export.h"
#include "limber-cli-share.h"
#include "limber-journal.h"
#include "limber-progression.h"

/* The command line: options that print or write something and exit without
 * opening a window. limber-application.c hands them here first. */

static gboolean parse_optional_value (const char  *option_name,
                                      const char  *value,
                                      gpointer     data,
                                      GError     **error);

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "list-routines", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List the routines with their length and exit"), NULL },
  { "start", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the window and start the routine ROUTINE_ID"), N_("ROUTINE_ID") },
  /* check-in and history */
  { "check-in", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Save a check-in with --pain and --stiffness and exit"), NULL },
  { "pain", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Pain from 0 (none) to 10 (worst imaginable), with --check-in"), N_("N") },
  { "stiffness", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Stiffness from 0 (none) to 10, with --check-in"), N_("N") },
  { "side", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Which side: left, right or both (the default), with --check-in"), N_("SIDE") },
  { "morning-stiffness", 0, 0, G_OPTION_ARG_STRING, NULL, N_("How many minutes the stiffness lasted this morning (0 to 1440), with --check-in"), N_("MIN") },
  { "numbness", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Note numbness or tingling, with --check-in"), NULL },
  { "radiating", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Note pain running down the leg, with --check-in"), NULL },
  { "weakness", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Note weakness, with --check-in"), NULL },
  { "note", 0, 0, G_OPTION_ARG_STRING, NULL, N_("A note to keep with the check-in"), N_("TEXT") },
  { "at", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("When the check-in was, in local time (now if not given; never in the future), with --check-in"), N_("YYYY-MM-DD[THH:MM]") },
  { "history", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_optional_value,
    N_("Print the sessions and check-ins of the last DAYS days (30 if not given) and exit"), N_("DAYS") },
  LIMBER_CLI_EXPORT_OPTION_ENTRIES,
  LIMBER_CLI_SHARE_OPTION_ENTRIES,
  { "restore-backup", 0, G_OPTION_FLAG_OPTIONAL_ARG | G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, parse_optional_value,
    N_("Add what a backup of the journal holds (the newest good one if FILE is not given) to the journal and exit"), N_("FILE") },
  /* `limber FILE…`: shared routines to import in the window */
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * limber_cli_escape:
 * @text: (nullable): text from outside the program: a routine file, the
 *   journal, a file name, the command line
 *
 * Makes @text safe to print on a terminal on one line: invalid UTF-8
 * becomes U+FFFD, and each control character is written as a visible
 * escape, so that it is seen rather than obeyed: C0 and DEL as `\x1b`
 * (a newline as `\x0a`), C1 as `\u009b`, and the bidirectional controls
 * and line separators (U+061C, U+200E, U+200F, U+2028–U+202E,
 * U+2066–U+2069), which reorder what follows, as `\u202e`.
 *
 * Returns: (transfer full): the text to print
 */
char *
limber_cli_escape (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c < 0xa0) || c == 0x061c || c == 0x200e || c == 0x200f ||
               (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
limber_cli_print_problems (LimberCatalog *catalog)
{
  GPtrArray *problems = limber_catalog_get_problems (catalog);

  for (guint i = 0; i < problems->len; i++)
    {
      const GError *error = g_ptr_array_index (problems, i);
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: skipped %s\n"), message);
    }
}

static int
list_routines (void)
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *routines;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n, id_width = 2, name_width = 4;

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: the bundled data set is damaged: %s\n"), message);
      return EXIT_FAILURE;
    }
  limber_cli_print_problems (catalog);

  routines = limber_catalog_get_routines (catalog);
  n = g_list_model_get_n_items (routines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      char *id = limber_cli_escape (limber_routine_get_id (routine));
      char *name = limber_cli_escape (limber_routine_get_name (routine));

      id_width = MAX (id_width, (guint) g_utf8_strlen (id, -1));
      name_width = MAX (name_width, (guint) g_utf8_strlen (name, -1));
      g_ptr_array_add (ids, id);
      g_ptr_array_add (names, name);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      const char *id = g_ptr_array_index (ids, i);
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *duration = limber_format_duration (limber_routine_get_duration (routine));
      guint id_pad = id_width - g_utf8_strlen (id, -1);
      guint pad = name_width - g_utf8_strlen (name, -1);

      g_print ("%s%*s  %s%*s  %s\n", id, (int) id_pad, "", name, (int) pad, "", duration);
    }

  return EXIT_SUCCESS;
}

/* Check-in and history. */

#define HISTORY_DEFAULT_DAYS 30
#define HISTORY_MAX_DAYS 36500
#define HISTORY_NOTE_WIDTH 40

/* --history and --restore-backup take an optional value, which
 * GApplication's packed options cannot give: one callback keeps each here,
 * to be checked later with the other options. One command line per
 * process. */
typedef struct
{
  gboolean  given;
  char     *value;
} OptionalValue;

static OptionalValue history_option;
static OptionalValue restore_option;

static gboolean
parse_optional_value (const char  *option_name,
                      const char  *value,
                      gpointer     data,
                      GError     **error)
{
  OptionalValue *option = g_str_equal (option_name, "--history") ? &history_option : &restore_option;

  g_assert (g_str_equal (option_name, "--history") || g_str_equal (option_name, "--restore-backup"));
  option->given = TRUE;
  g_clear_pointer (&option->value, g_free);
  option->value = g_strdup (value);
  return TRUE;
}

static const char * const checkin_only_options[] = {
  "pain", "stiffness", "side", "morning-stiffness", "numbness", "radiating", "weakness", "note", "at",
};

/* A whole number in [min, max], written in plain decimal digits. */
static gboolean
parse_whole_number (const char *text,
                    int         min,
                    int         max,
                    int        *number)
{
  gint64 value;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return FALSE;
  *number = (int) value;
  return TRUE;
}

/**
 * _limber_cli_parse_at:
 * @text: `YYYY-MM-DD` (midnight) or `YYYY-MM-DDTHH:MM`, local time
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   one of those or names a day or time that does not exist
 */
GDateTime *
_limber_cli_parse_at (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *day = NULL;
  GDate date;
  int hour = 0, minute = 0;
  size_t len;

  if (text == NULL)
    return NULL;
  len = strlen (text);
  if (len != 10 && len != 16)
    return NULL;
  day = g_strndup (text, 10);
  if (!_limber_cli_export_parse_date (day, &date))
    return NULL;
  if (len == 16)
    {
      if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':'
          || !g_ascii_isdigit (text[11]) || !g_ascii_isdigit (text[12])
          || !g_ascii_isdigit (text[14]) || !g_ascii_isdigit (text[15]))
        return NULL;
      hour = g_ascii_digit_value (text[11]) * 10 + g_ascii_digit_value (text[12]);
      minute = g_ascii_digit_value (text[14]) * 10 + g_ascii_digit_value (text[15]);
      if (hour > 23 || minute > 59)
        return NULL;
    }

  zone = limber_time_zone_local ();
  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
}

/* Says what is wrong with the command line, escaped for the terminal, and
 * where to see the options; returns EXIT_USAGE. */
int
_limber_cli_usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = limber_cli_escape (message);

  g_printerr ("limber: %s\n", escaped);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return EXIT_USAGE;
}

/* Reads a 0–10 scale option; returns EXIT_SUCCESS or EXIT_USAGE. */
static int
parse_scale_option (GVariantDict *options,
                    const char   *name,
                    const char   *range,
                    int          *value)
{
  const char *text = NULL;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return _limber_cli_usage_error (_("--check-in needs --%s=N, a whole number from %s."), name, range);
  if (!parse_whole_number (text, 0, 10, value))
    return _limber_cli_usage_error (_("--%s must be a whole number from %s, not “%s”."), name, range, text);
  return EXIT_SUCCESS;
}

/**
 * limber_cli_open_journal:
 *
 * Opens the journal for a command, saying on stderr what went wrong or
 * where a damaged journal was moved.
 *
 * Returns: (transfer full) (nullable): the journal
 */
LimberJournal *
limber_cli_open_journal (void)
{
  g_autofree char *path = limber_journal_get_default_path ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  const char *moved;

  journal = limber_journal_open (path, &error);
  if (journal == NULL)
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: %s\n"), message);
      return NULL;
    }

  moved = limber_journal_get_moved_aside_path (journal);
  if (moved != NULL)
    {
      g_autofree char *display = g_filename_display_name (moved);
      g_autofree char *name = limber_cli_escape (display);

      guint n = limber_journal_get_n_salvaged (journal);

      g_printerr (_("limber: the journal was damaged, so a new one was started. "
                    "The old file was kept as “%s”.\n"), name);
      /* Translators: records are sessions, their exercises, check-ins and reminders */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "limber: %u record that could still be read was copied into the new journal.\n",
                               "limber: %u records that could still be read were copied into the new journal.\n",
                               n), n);
    }

  return g_steal_pointer (&journal);
}

static const char *
side_phrase (LimberBodySide side)
{
  switch (side)
    {
    case LIMBER_BODY_SIDE_LEFT:
      return _("left side");
    case LIMBER_BODY_SIDE_RIGHT:
      return _("right side");
    case LIMBER_BODY_SIDE_BOTH:
    default:
      return _("both sides");
    }
}

/* A check-in made from a terminal moves the program as one made in the
 * window does: the rules are applied where data is recorded, and a change
 * of level is said with its reason. */
static void
update_program (LimberJournal *journal)
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberProgressionDecision) applied = NULL;
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autoptr(GError) error = NULL;

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_message ("Could not load the programs: %s", error->message);
      return;
    }
  if (!limber_progression_update (journal, catalog, now, &applied, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: your program’s level could not be updated: %s\n"), message);
      return;
    }
  if (applied != NULL)
    {
      g_autofree char *reason = limber_cli_escape (applied->text);

      /* Translators: after a check-in from the command line; %s is why, e.g. "Back to level 1 for now: you stopped a session because it hurt" */
      g_print (_("Your program changed level. %s.\n"), reason);
    }
}

static int
check_in (GVariantDict *options)
{
  g_autoptr(LimberCheckin) checkin = limber_checkin_new ();
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  LimberAdvice advice;
  int status;

  if (history_option.given)
    return _limber_cli_usage_error (_("--check-in and --history cannot be used together."));

  if ((status = parse_scale_option (options, "pain", _("0 (none) to 10 (worst imaginable)"),
                                    &checkin->pain)) != EXIT_SUCCESS)
    return status;
  if ((status = parse_scale_option (options, "stiffness", _("0 (none) to 10 (as stiff as can be)"),
                                    &checkin->stiffness)) != EXIT_SUCCESS)
    return status;

  if (g_variant_dict_lookup (options, "side", "&s", &text) &&
      !limber_body_side_from_string (text, &checkin->side))
    return _limber_cli_usage_error (_("--side must be left, right or both, not “%s”."), text);

  if (g_variant_dict_lookup (options, "morning-stiffness", "&s", &text) &&
      !parse_whole_number (text, 0, LIMBER_MORNING_STIFFNESS_MAX, &checkin->morning_stiffness))
    return _limber_cli_usage_error (_("--morning-stiffness must be a whole number of minutes from 0 to %d, not “%s”."),
                        LIMBER_MORNING_STIFFNESS_MAX, text);

  if (g_variant_dict_contains (options, "numbness"))
    checkin->symptoms |= LIMBER_SYMPTOM_NUMBNESS;
  if (g_variant_dict_contains (options, "radiating"))
    checkin->symptoms |= LIMBER_SYMPTOM_RADIATING;
  if (g_variant_dict_contains (options, "weakness"))
    checkin->symptoms |= LIMBER_SYMPTOM_WEAKNESS;

  if (g_variant_dict_lookup (options, "note", "&s", &text) && text[0] != '\0')
    checkin->note = g_strdup (text);

  if (g_variant_dict_lookup (options, "at", "&s", &text))
    {
      g_autoptr(GDateTime) at = _limber_cli_parse_at (text);
      g_autoptr(GDateTime) now = limber_time_now_local ();

      if (at == NULL)
        return _limber_cli_usage_error (_("--at must be a day and time that exist, written YYYY-MM-DD or "
                                          "YYYY-MM-DDTHH:MM in local time, such as 2024-03-01T08:30, not “%s”."), text);
      if (g_date_time_compare (at, now) > 0)
        return _limber_cli_usage_error (_("--at=%s is in the future; a check-in can only be dated now or earlier."), text);
      g_date_time_unref (checkin->time);
      checkin->time = g_steal_pointer (&at);
    }

  if (!limber_checkin_validate (checkin, &error))
    return _limber_cli_usage_error ("%s", error->message);

  journal = limber_cli_open_journal ();
  if (journal == NULL)
    return EXIT_FAILURE;

  checkin->id = limber_journal_add_checkin (journal, checkin, &error);
  if (checkin->id == 0)
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: the check-in was not saved: %s\n"), message);
      return EXIT_FAILURE;
    }

  g_print (_("Check-in saved: pain %d, stiffness %d, %s.\n"),
           checkin->pain, checkin->stiffness, side_phrase (checkin->side));
  update_program (journal);
  limber_cli_backup_daily (journal);

  advice = limber_journal_take_advisory (journal, checkin, &error);
  if (error != NULL)
    g_message ("Could not check for advice: %s", error->message);
  if (advice != LIMBER_ADVICE_NONE)
    {
      g_autofree char *text_advice = limber_advisory_describe (advice);

      g_print ("\n%s\n", text_advice);
    }

  return EXIT_SUCCESS;
}

typedef struct
{
  GDateTime *time;
  char      *when;
  const char *kind;
  char      *what;
  char      *note;
} HistoryRow;

static void
history_row_free (gpointer data)
{
  HistoryRow *row = data;

  g_date_time_unref (row->time);
  g_free (row->when);
  g_free (row->what);
  g_free (row->note);
  g_free (row);
}

static int
compare_rows_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const HistoryRow *x = *(HistoryRow * const *) a;
  const HistoryRow *y = *(HistoryRow * const *) b;

  return g_date_time_compare (y->time, x->time);
}

/* One line for a terminal: line breaks shown as ⏎, tabs as spaces, long
 * notes cut with … */
static char *
note_for_table (const char *note)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  if (note == NULL)
    return g_strdup ("");

  for (const char *p = note; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == HISTORY_NOTE_WIDTH - 1 && g_utf8_strlen (p, -1) > 1)
        {
          g_string_append (text, "…");
          break;
        }

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r')
        g_string_append (text, "⏎");
      else if (c == '\t' || g_unichar_iscntrl (c))
        g_string_append_c (text, ' ');
      else
        g_string_append_unichar (text, c);
      n++;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
outcome_phrase (LimberOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_OUTCOME_IN_PROGRESS:
      return _("in progress");
    case LIMBER_OUTCOME_COMPLETED:
      return _("completed");
    case LIMBER_OUTCOME_STOPPED:
      return _("stopped");
    case LIMBER_OUTCOME_STOPPED_FOR_PAIN:
      return _("stopped for pain");
    case LIMBER_OUTCOME_INTERRUPTED:
    default:
      return _("interrupted");
    }
}

static char *
describe_session (LimberCatalog           *catalog,
                  const LimberSessionInfo *session)
{
  GString *what = g_string_new (NULL);
  g_autofree char *name = limber_cli_escape (limber_catalog_name_session_routine (catalog, session->routine_id,
                                                                                  session->routine_name));

  g_string_append_printf (what, _("%s, %s, %u min"), name,
                          outcome_phrase (session->outcome),
                          (session->active_ms + 30000) / 60000);
  if (session->rating >= 0)
    g_string_append_printf (what, _(", rated %d"), session->rating);
  return g_string_free (what, FALSE);
}

static char *
describe_checkin (const LimberCheckin *checkin)
{
  GString *what = g_string_new (NULL);
  const char *sep = "; ";

  g_string_append_printf (what, _("pain %d, stiffness %d, %s"), checkin->pain,
                          checkin->stiffness, side_phrase (checkin->side));
  if (checkin->morning_stiffness >= 0)
    g_string_append_printf (what, _(", morning stiffness %d min"), checkin->morning_stiffness);
  if (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS)
    {
      g_string_append_printf (what, "%s%s", sep, _("numbness or tingling"));
      sep = ", ";
    }
  if (checkin->symptoms & LIMBER_SYMPTOM_RADIATING)
    {
      g_string_append_printf (what, "%s%s", sep, _("pain down the leg"));
      sep = ", ";
    }
  if (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS)
    g_string_append_printf (what, "%s%s", sep, _("weakness"));
  return g_string_free (what, FALSE);
}

static void
print_padded (const char *text,
              guint       width)
{
  guint len = g_utf8_strlen (text, -1);

  g_print ("%s%*s", text, (int) (width > len ? width - len : 0), "");
}

static int
print_history (void)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LimberCatalog) catalog = limber_catalog_new ();
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GError) error = NULL;
  const char *headers[4] = { _("Date and time"), _("Kind"), _("What"), _("Note") };
  guint widths[3];
  int days = HISTORY_DEFAULT_DAYS;

  if (history_option.value != NULL &&
      !parse_whole_number (history_option.value, 1, HISTORY_MAX_DAYS, &days))
    return _limber_cli_usage_error (_("--history takes a whole number of days from 1 to %d, not “%s”."),
                        HISTORY_MAX_DAYS, history_option.value);

  journal = limber_cli_open_journal ();
  if (journal == NULL)
    return EXIT_FAILURE;

  /* today and the days - 1 before it, whole calendar days */
  midnight = limber_time_start_of_today (now);
  from = g_date_time_add_days (midnight, 1 - days);

  sessions = limber_journal_list_sessions_between (journal, from, NULL, &error);
  if (sessions != NULL)
    checkins = limber_journal_list_checkins (journal, from, NULL, &error);
  if (checkins == NULL)
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: %s\n"), message);
      return EXIT_FAILURE;
    }

  /* Limber's own routines are named as they are now, in today's
   * language, as on the History page; if the data set cannot be read,
   * every session keeps its stored name */
  if (!limber_catalog_load_bundled (catalog, NULL))
    g_clear_object (&catalog);

  rows = g_ptr_array_new_with_free_func (history_row_free);
  for (guint i = 0; i < sessions->len; i++)
    {
      const LimberSessionInfo *session = g_ptr_array_index (sessions, i);
      HistoryRow *row = g_new0 (HistoryRow, 1);

      row->time = g_date_time_ref (session->started_at);
      row->kind = _("session");
      row->what = describe_session (catalog, session);
      row->note = g_strdup ("");
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < checkins->len; i++)
    {
      const LimberCheckin *checkin = g_ptr_array_index (checkins, i);
      HistoryRow *row = g_new0 (HistoryRow, 1);

      row->time = g_date_time_ref (checkin->time);
      row->kind = _("check-in");
      row->what = describe_checkin (checkin);
      row->note = note_for_table (checkin->note);
      g_ptr_array_add (rows, row);
    }

  if (rows->len == 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "No sessions or check-ins today.\n",
                            "No sessions or check-ins in the last %d days.\n",
                            days), days);
      return EXIT_SUCCESS;
    }

  g_ptr_array_sort (rows, compare_rows_newest_first);

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *row = g_ptr_array_index (rows, i);

      /* Translators: the date and time of an entry in `limber --history`,
       * a g_date_time_format() pattern in your locale's usual order, with
       * the year in full and a 24-hour clock */
      row->when = g_date_time_format (row->time, C_("history date", "%Y-%m-%d %H:%M"));
      widths[0] = MAX (widths[0], (guint) g_utf8_strlen (row->when, -1));
      widths[1] = MAX (widths[1], (guint) g_utf8_strlen (row->kind, -1));
      widths[2] = MAX (widths[2], (guint) g_utf8_strlen (row->what, -1));
    }

  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      print_padded (headers[c], widths[c]);
      g_print ("  ");
    }
  g_print ("%s\n", headers[3]);

  for (guint i = 0; i < rows->len; i++)
    {
      HistoryRow *row = g_ptr_array_index (rows, i);

      print_padded (row->when, widths[0]);
      g_print ("  ");
      print_padded (row->kind, widths[1]);
      g_print ("  ");
      if (row->note[0] == '\0')
        g_print ("%s\n", row->what);
      else
        {
          print_padded (row->what, widths[2]);
          g_print ("  %s\n", row->note);
        }
    }

  return EXIT_SUCCESS;
}

/**
 * limber_cli_backup_daily:
 *
 * Makes today's backup of the journal if it is due, saying on stderr when
 * it could not be made. The journal itself is not affected either way.
 */
void
limber_cli_backup_daily (LimberJournal *journal)
{
  g_autoptr(GError) error = NULL;

  /* a journal just started over a damaged one would push out a good backup */
  if (limber_journal_get_read_only_reason (journal) != NULL ||
      limber_journal_get_moved_aside_path (journal) != NULL)
    return;
  if (!limber_journal_backup_daily (limber_journal_get_path (journal), NULL, NULL, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: today’s backup of the journal could not be made: %s\n"), message);
    }
}

static int
restore_backup (void)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *used = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  guint n = 0;

  journal = limber_cli_open_journal ();
  if (journal == NULL)
    return EXIT_FAILURE;

  if (!limber_journal_restore_backup (journal, restore_option.value, &used, &n, &error))
    {
      g_autofree char *message = limber_cli_escape (error->message);

      g_printerr (_("limber: nothing was restored: %s\n"), message);
      return EXIT_FAILURE;
    }

  display = g_filename_display_name (used);
  name = limber_cli_escape (display);
  /* Translators: records are sessions, their exercises, check-ins and reminders */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Restored %u record from “%s”; everything else in the journal was kept.\n",
                        "Restored %u records from “%s”; everything else in the journal was kept.\n",
                        n), n, name);
  return EXIT_SUCCESS;
}

/* Returns an exit status, or -1 when the options hold no check-in or
 * history request. */
static int
run_checkin_and_history (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "check-in"))
    {
      if (restore_option.given)
        return _limber_cli_usage_error (_("--check-in and --restore-backup cannot be used together."));
      return check_in (options);
    }

  for (guint i = 0; i < G_N_ELEMENTS (checkin_only_options); i++)
    if (g_variant_dict_contains (options, checkin_only_options[i]))
      return _limber_cli_usage_error (_("--%s goes with --check-in."), checkin_only_options[i]);

  if (restore_option.given)
    {
      int status;

      if (history_option.given)
        return _limber_cli_usage_error (_("--restore-backup and --history cannot be used together."));
      status = restore_backup ();
      g_clear_pointer (&restore_option.value, g_free);
      return status;
    }

  if (history_option.given)
    {
      int status = print_history ();

      g_clear_pointer (&history_option.value, g_free);
      return status;
    }

  return -1;
}

/**
 * limber_cli_get_option_entries:
 *
 * Returns: (transfer none): every option Limber understands.
 */
const GOptionEntry *
limber_cli_get_option_entries (void)
{
  return option_entries;
}

/**
 * limber_cli_has_options:
 * @options: the parsed options
 *
 * Returns: whether any of Limber's options was given; file names alone
 *   are not options.
 */
gboolean
limber_cli_has_options (GVariantDict *options)
{
  if (history_option.given || restore_option.given)
    return TRUE;
  for (guint i = 0; option_entries[i].long_name != NULL; i++)
    if (*option_entries[i].long_name != '\0' &&
        g_variant_dict_contains (options, option_entries[i].long_name))
      return TRUE;
  return FALSE;
}

/**
 * limber_cli_run:
 * @options: the parsed options
 *
 * Runs a command-line-only request.
 *
 * Returns: the exit status, or -1 when the options are for the window.
 */
int
limber_cli_run (GVariantDict *options)
{
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("limber %s\n", LIMBER_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "list-routines"))
    return list_routines ();

  if ((status = run_checkin_and_history (options)) >= 0)
    return status;

  if ((status = limber_cli_export_run (options)) >= 0)
    return status;

  if ((status = limber_cli_share_run (options)) >= 0)
    return status;

  return -1;
}

gboolean
_limber_cli_parse_whole_number (const char *text,
                                int         min,
                                int         max,
                                int        *number)
{
  return parse_whole_number (text, min, max, number);
}

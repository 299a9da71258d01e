/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-report"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-journal-programs.h"
#include "limber-report-private.h"
#include "limber-time.h"

/* The report's program: the level over the period as a shaded step band
 * under the pain and stiffness chart, on the chart's time axis, and the
 * list of the program's events in the period with their reasons. */

#define BAND_LEVEL_HEIGHT  7.0
#define LIST_MAX_ROWS      14
#define REASON_MAX_LINES   4
#define PROGRAM_COLOR      0x613583   /* purple 5: apart from the chart's red, blue and green */

typedef struct
{
  char      *name;
  GPtrArray *levels;   /* char *, level 1 first */
} ProgramNames;

struct _LimberReportPrograms
{
  GPtrArray  *events;     /* LimberProgramEvent, oldest first */
  GHashTable *names;      /* program id → ProgramNames */
};

static void
program_names_free (gpointer data)
{
  ProgramNames *names = data;

  g_free (names->name);
  g_ptr_array_unref (names->levels);
  g_free (names);
}

/**
 * limber_report_programs_new:
 * @events: (element-type LimberProgramEvent): program events, oldest first
 * @catalog: (nullable): where the programs' names are looked up
 *
 * Copies @events and the names of their programs and levels. A program
 * the catalog does not have is named by its id, its levels by number.
 *
 * Returns: (transfer full): the programs for limber_report_write_full()
 */
LimberReportPrograms *
limber_report_programs_new (GPtrArray     *events,
                            LimberCatalog *catalog)
{
  LimberReportPrograms *self = g_new0 (LimberReportPrograms, 1);

  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) limber_program_event_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, program_names_free);
  g_return_val_if_fail (events != NULL, self);

  for (guint i = 0; i < events->len; i++)
    {
      const LimberProgramEvent *event = g_ptr_array_index (events, i);
      LimberProgram *program;
      ProgramNames *names;

      if (event->time == NULL || event->program_id == NULL)
        continue;
      g_ptr_array_add (self->events, limber_program_event_copy (event));
      if (g_hash_table_contains (self->names, event->program_id))
        continue;

      names = g_new0 (ProgramNames, 1);
      names->levels = g_ptr_array_new_with_free_func (g_free);
      program = catalog != NULL ? limber_catalog_lookup_program (catalog, event->program_id) : NULL;
      if (program != NULL)
        {
          names->name = g_strdup (limber_program_get_name (program));
          for (guint level = 1; level <= limber_program_get_n_levels (program); level++)
            g_ptr_array_add (names->levels, g_strdup (limber_program_get_level_name (program, level)));
        }
      else
        names->name = g_strdup (event->program_id);
      g_hash_table_insert (self->names, g_strdup (event->program_id), names);
    }
  return self;
}

void
limber_report_programs_free (LimberReportPrograms *programs)
{
  if (programs == NULL)
    return;
  g_clear_pointer (&programs->events, g_ptr_array_unref);
  g_clear_pointer (&programs->names, g_hash_table_unref);
  g_free (programs);
}

static void
date_of (GDateTime *time,
         GDate     *date)
{
  g_autoptr(GDateTime) local = limber_time_to_local (time);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static gboolean
in_period (const GDate *first,
           const GDate *last,
           GDateTime   *time)
{
  GDate date;

  date_of (time, &date);
  return g_date_compare (&date, first) >= 0 && g_date_compare (&date, last) <= 0;
}

static gboolean
before_period (const GDate *first,
               GDateTime   *time)
{
  GDate date;

  date_of (time, &date);
  return g_date_compare (&date, first) < 0;
}

/**
 * limber_report_programs_read:
 * @journal: the journal
 * @first: the report's first day
 * @last: its last day
 *
 * Reads the program events up to the end of @last and, when one falls
 * between @first and @last or a program is under way on @first, the names
 * of the bundled programs.
 *
 * Returns: (transfer full): the programs, or %NULL with @error set
 */
LimberReportPrograms *
limber_report_programs_read (LimberJournal  *journal,
                             const GDate    *first,
                             const GDate    *last,
                             GError        **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) catalog_error = NULL;
  GDate after = *last;
  gboolean any = FALSE;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);

  g_date_add_days (&after, 1);
  end = limber_time_start_of_day (NULL, &after);
  events = limber_journal_list_program_events (journal, NULL, end, error);
  if (events == NULL)
    return NULL;

  /* a program under way when the period begins is shown too */
  for (guint i = 0; i < events->len && !any; i++)
    {
      const LimberProgramEvent *event = g_ptr_array_index (events, i);
      const LimberProgramEvent *next = i + 1 < events->len ? g_ptr_array_index (events, i + 1) : NULL;

      any = in_period (first, last, event->time)
            || (event->kind != LIMBER_PROGRAM_EVENT_LEFT && before_period (first, event->time)
                && (next == NULL || !before_period (first, next->time)));
    }

  /* programs are bundled only: the bundled catalog names them all */
  if (any)
    {
      catalog = limber_catalog_new ();
      if (!limber_catalog_load_bundled (catalog, &catalog_error))
        {
          g_warning ("Programs unnamed in the report: %s", catalog_error->message);
          g_clear_object (&catalog);
        }
    }
  return limber_report_programs_new (events, catalog);
}

static const ProgramNames *
names_of (Report                   *report,
          const LimberProgramEvent *event)
{
  return g_hash_table_lookup (report->programs->names, event->program_id);
}

static char *
level_label (const ProgramNames *names,
             guint               level)
{
  if (names != NULL && level >= 1 && level <= names->levels->len)
    /* Translators: "level 2 (25-second holds)" */
    return g_strdup_printf (_("level %u (%s)"), level, (const char *) g_ptr_array_index (names->levels, level - 1));
  return g_strdup_printf (_("level %u"), level);
}

gboolean
_limber_report_has_program_events (Report *report)
{
  if (report->programs == NULL)
    return FALSE;
  for (guint i = 0; i < report->programs->events->len; i++)
    {
      const LimberProgramEvent *event = g_ptr_array_index (report->programs->events, i);

      if (in_period (&report->first, &report->last, event->time))
        return TRUE;
    }
  return FALSE;
}

/**
 * _limber_report_program_spans:
 * @programs: the programs
 * @first: the report's first day
 * @n_days: its number of days
 *
 * The level over the period, from the state on @first (the latest event
 * before it) and each event in the period: an event holds from its day
 * until the next one's, or the period's end. A program left shows nothing.
 *
 * Returns: (transfer full) (element-type LimberReportSpan): the spans, in order
 */
GArray *
_limber_report_program_spans (const LimberReportPrograms *programs,
                              const GDate                *first,
                              guint                       n_days)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (LimberReportSpan));
  guint32 first_julian = g_date_get_julian (first);
  guint32 end_julian = first_julian + n_days;
  guint32 since = first_julian;
  const LimberProgramEvent *current = NULL;

  for (guint i = 0; i <= programs->events->len; i++)
    {
      const LimberProgramEvent *event = i < programs->events->len
                                        ? g_ptr_array_index (programs->events, i) : NULL;
      guint32 day = end_julian;

      if (event != NULL)
        {
          GDate date;

          date_of (event->time, &date);
          day = CLAMP (g_date_get_julian (&date), first_julian, end_julian);
        }
      if (current != NULL && current->kind != LIMBER_PROGRAM_EVENT_LEFT && current->level > 0 && day > since)
        {
          LimberReportSpan span = { current->program_id, current->level,
                                    since - first_julian, day - first_julian };

          g_array_append_val (spans, span);
        }
      current = event;
      since = day;
    }
  return spans;
}

gboolean
_limber_report_has_program_band (Report *report)
{
  g_autoptr(GArray) spans = NULL;

  if (report->programs == NULL)
    return FALSE;
  if (_limber_report_has_program_events (report))
    return TRUE;
  spans = _limber_report_program_spans (report->programs, &report->first, report->n_days);
  return spans->len > 0;
}

static void
set_program_color (cairo_t *cr,
                   double   alpha)
{
  cairo_set_source_rgba (cr, ((PROGRAM_COLOR >> 16) & 0xff) / 255.0, ((PROGRAM_COLOR >> 8) & 0xff) / 255.0,
                         (PROGRAM_COLOR & 0xff) / 255.0, alpha);
}

/* The programs shown in the period, in order, and the most levels of any. */
static GPtrArray *
programs_shown (Report *report,
                GArray *spans,
                guint  *max_levels)
{
  GPtrArray *ids = g_ptr_array_new ();

  *max_levels = 1;
  for (guint i = 0; i < spans->len; i++)
    {
      const LimberReportSpan *span = &g_array_index (spans, LimberReportSpan, i);

      if (!g_ptr_array_find_with_equal_func (ids, span->program_id, g_str_equal, NULL))
        g_ptr_array_add (ids, (char *) span->program_id);
      *max_levels = MAX (*max_levels, span->level);
    }
  /* one started and left on the same day has no span but is named */
  for (guint i = 0; i < report->programs->events->len; i++)
    {
      const LimberProgramEvent *event = g_ptr_array_index (report->programs->events, i);

      if (in_period (&report->first, &report->last, event->time)
          && !g_ptr_array_find_with_equal_func (ids, event->program_id, g_str_equal, NULL))
        g_ptr_array_add (ids, event->program_id);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      const ProgramNames *names = g_hash_table_lookup (report->programs->names, g_ptr_array_index (ids, i));

      *max_levels = MAX (*max_levels, names->levels->len);
    }
  return ids;
}

/* The band: a heading with the program's name and the legend, a lane
 * where the level is a shaded step (its height the level, 1 at the
 * bottom), and the names of the levels. */
double
_limber_report_draw_program_band (Report *report,
                                  double  y)
{
  cairo_t *cr = report->cr;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  guint max_levels, n_days = report->n_days;
  double left, right, day_width, lane_top, lane_bottom, h, legend_w, x;
  const char *legend = _("Program level");
  g_autofree char *title = NULL;
  g_autofree char *levels = NULL;

  if (!report->has_axis || !_limber_report_has_program_band (report))
    return y;

  spans = _limber_report_program_spans (report->programs, &report->first, n_days);
  ids = programs_shown (report, spans, &max_levels);
  left = MARGIN + report->axis_left;
  right = MARGIN + report->axis_right;
  day_width = (right - left) / n_days;

  /* heading: "Program: Looser hamstrings in four weeks", legend on the right */
  for (guint i = 0; i < ids->len; i++)
    {
      const ProgramNames *names = g_hash_table_lookup (report->programs->names, g_ptr_array_index (ids, i));

      if (i > 0)
        g_string_append (heading, ", ");
      g_string_append (heading, names->name);
    }
  legend_w = _limber_report_text_width (report, FONT_SMALL, legend);
  _limber_report_set_gray (cr, 0);
  /* Translators: the heading of the band of levels under the chart, with the program's name */
  title = g_strdup_printf (ngettext ("Program: %s", "Programs: %s", ids->len), heading->str);
  h = _limber_report_text (report, left, y, right - left - legend_w - 30, FONT_SMALL, title);
  x = right - legend_w;
  _limber_report_text (report, x, y, -1, FONT_SMALL, legend);
  set_program_color (cr, 0.25);
  cairo_rectangle (cr, x - 22, y + 2, 18, h - 4);
  cairo_fill (cr);
  set_program_color (cr, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x - 22, y + h - 2);
  cairo_line_to (cr, x - 13, y + h - 2);
  cairo_line_to (cr, x - 13, y + 2);
  cairo_line_to (cr, x - 4, y + 2);
  cairo_stroke (cr);

  lane_top = y + h + 2;
  lane_bottom = lane_top + max_levels * BAND_LEVEL_HEIGHT;

  /* the lane's scale: a line and a number at each level */
  cairo_set_line_width (cr, 0.5);
  for (guint level = 1; level <= max_levels; level++)
    {
      g_autofree char *number = g_strdup_printf ("%u", level);
      double ly = lane_bottom - level * BAND_LEVEL_HEIGHT;
      double w = _limber_report_text_width (report, FONT_TINY, number);

      _limber_report_set_gray (cr, 0.8);
      cairo_move_to (cr, left, ly + 0.25);
      cairo_line_to (cr, right, ly + 0.25);
      cairo_stroke (cr);
      _limber_report_set_gray (cr, 0.3);
      _limber_report_text (report, left - w - 4, ly + BAND_LEVEL_HEIGHT / 2 - 3.5, -1, FONT_TINY, number);
    }
  _limber_report_set_gray (cr, 0.6);
  cairo_move_to (cr, left, lane_bottom);
  cairo_line_to (cr, right, lane_bottom);
  cairo_stroke (cr);

  /* the steps */
  for (guint i = 0; i < spans->len; i++)
    {
      const LimberReportSpan *span = &g_array_index (spans, LimberReportSpan, i);
      double x0 = left + span->first_day * day_width;
      double x1 = left + span->end_day * day_width;
      double top = lane_bottom - span->level * BAND_LEVEL_HEIGHT;

      set_program_color (cr, 0.22);
      cairo_rectangle (cr, x0, top, x1 - x0, lane_bottom - top);
      cairo_fill (cr);
      set_program_color (cr, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x0, lane_bottom);
      cairo_line_to (cr, x0, top);
      cairo_line_to (cr, x1, top);
      cairo_line_to (cr, x1, lane_bottom);
      cairo_stroke (cr);
    }

  /* the names of the levels, wrapped under the lane */
  for (guint i = 0; i < ids->len; i++)
    {
      const ProgramNames *names = g_hash_table_lookup (report->programs->names, g_ptr_array_index (ids, i));

      if (ids->len > 1)
        g_string_append_printf (key, "%s%s: ", i > 0 ? "   " : "", names->name);
      for (guint level = 1; level <= names->levels->len; level++)
        /* Translators: a level's number and name under the report's band of levels */
        g_string_append_printf (key, _("%s%u %s"), level > 1 ? " · " : "", level,
                                (const char *) g_ptr_array_index (names->levels, level - 1));
    }
  y = lane_bottom + 3;
  if (key->len > 0)
    {
      _limber_report_set_gray (cr, 0.3);
      /* Translators: before the list of level names under the band of levels */
      levels = g_strdup_printf (_("Levels: %s"), key->str);
      y += _limber_report_text (report, left, y, right - left, FONT_SMALL, levels) + 2;
    }
  return y + 6;
}

/* What an event did, in words: "Moved up to level 3 (30-second holds)". */
static char *
describe_event (Report                   *report,
                const LimberProgramEvent *event,
                guint                     previous_level)
{
  const ProgramNames *names = names_of (report, event);
  g_autofree char *level = level_label (names, event->level);

  switch (event->kind)
    {
    case LIMBER_PROGRAM_EVENT_STARTED:
      /* Translators: "Started Looser hamstrings in four weeks at level 1 (20-second holds)" */
      return g_strdup_printf (_("Started %s at %s"), names->name, level);
    case LIMBER_PROGRAM_EVENT_LEVEL_CHANGED:
      if (previous_level > 0 && event->level > previous_level)
        /* Translators: "Moved up to level 3 (30-second holds)" */
        return g_strdup_printf (_("Moved up to %s"), level);
      if (previous_level > 0 && event->level < previous_level)
        /* Translators: "Stepped back to level 2 (25-second holds)" */
        return g_strdup_printf (_("Stepped back to %s"), level);
      /* Translators: "Moved to level 2 (25-second holds)" */
      return g_strdup_printf (_("Moved to %s"), level);
    case LIMBER_PROGRAM_EVENT_STAYED:
      /* Translators: "Stayed at level 2 (25-second holds)" */
      return g_strdup_printf (_("Stayed at %s"), level);
    case LIMBER_PROGRAM_EVENT_LEFT:
    default:
      /* Translators: "Left Looser hamstrings in four weeks" */
      return g_strdup_printf (_("Left %s"), names->name);
    }
}

/* The reason as the journal holds it, made drawable like a note. */
static char *
reason_text (Report     *report,
             const char *reason)
{
  g_autofree char *valid = NULL;
  g_autofree char *stripped = NULL;
  gboolean spelled;

  if (reason == NULL)
    return g_strdup ("–");
  valid = g_utf8_make_valid (reason, -1);
  stripped = g_strstrip (g_strdup (valid));
  if (stripped[0] == '\0')
    return g_strdup ("–");
  return _limber_report_spell_undrawable (report, FONT_LIST, stripped, &spelled);
}

typedef struct
{
  char *date;
  char *what;
  char *reason;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->date);
  g_free (row->what);
  g_free (row->reason);
}

static double
row_height (Report *report,
            Row    *row,
            double  date_w,
            double  what_w,
            double  reason_w)
{
  double h1 = _limber_report_text_full (report, 0, 0, date_w, FONT_LIST, row->date, FALSE, FALSE, 0);
  double h2 = _limber_report_text_full (report, 0, 0, what_w, FONT_LIST, row->what, FALSE, FALSE, 0);
  double h3 = _limber_report_text_full (report, 0, 0, reason_w, FONT_LIST, row->reason, FALSE, FALSE,
                                        REASON_MAX_LINES);

  return MAX (h1, MAX (h2, h3)) + 3;
}

/* The list "Program": a row for each event in the period, its date, what
 * happened and the reason recorded with it, wrapped. The latest rows are
 * shown, at most LIST_MAX_ROWS and as many as end above @bottom. Draws
 * only when @draw; returns where what follows begins. */
double
_limber_report_draw_program_list (Report *report,
                                  double  y,
                                  double  bottom,
                                  gboolean draw)
{
  cairo_t *cr = report->cr;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  guint previous_level = 0, skipped;
  double date_w = 62, what_w = 200, gap = 8, reason_w, line_h, used;

  if (!_limber_report_has_program_events (report))
    return y;

  g_array_set_clear_func (rows, row_clear);
  for (guint i = 0; i < report->programs->events->len; i++)
    {
      const LimberProgramEvent *event = g_ptr_array_index (report->programs->events, i);
      g_autoptr(GDateTime) local = NULL;
      Row row;

      if (in_period (&report->first, &report->last, event->time))
        {
          local = limber_time_to_local (event->time);
          /* Translators: a date in the report's list of program events, as g_date_time_format(). xgettext:no-c-format */
          row.date = g_date_time_format (local, C_("report", "%-d %b %Y"));
          row.what = describe_event (report, event, previous_level);
          row.reason = reason_text (report, event->reason);
          g_array_append_val (rows, row);
        }
      previous_level = event->level;
    }

  reason_w = CONTENT_WIDTH - date_w - what_w - 2 * gap;
  _limber_report_set_gray (cr, 0);
  y += _limber_report_text_full (report, MARGIN, y, CONTENT_WIDTH, FONT_HEADING, _("Program"),
                                 FALSE, draw, 0) + 3;

  _limber_report_set_gray (cr, 0.3);
  _limber_report_text_full (report, MARGIN, y, date_w, FONT_SMALL, _("Date"), FALSE, draw, 0);
  _limber_report_text_full (report, MARGIN + date_w + gap, y, what_w, FONT_SMALL, _("What happened"),
                            FALSE, draw, 0);
  y += _limber_report_text_full (report, MARGIN + date_w + what_w + 2 * gap, y, reason_w, FONT_SMALL,
                                 _("Reason"), FALSE, draw, 0) + 2;
  if (draw)
    {
      _limber_report_set_gray (cr, 0.7);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, MARGIN + CONTENT_WIDTH, y);
      cairo_stroke (cr);
    }
  y += 3;

  /* the latest rows that fit, keeping a line for the count of the rest;
   * the latest row is always shown */
  line_h = _limber_report_text_full (report, 0, 0, CONTENT_WIDTH, FONT_LIST, "X", FALSE, FALSE, 0) + 2;
  used = 0;
  skipped = rows->len;
  while (skipped > 0 && rows->len - skipped < LIST_MAX_ROWS)
    {
      double h = row_height (report, &g_array_index (rows, Row, skipped - 1), date_w, what_w, reason_w);

      if (skipped < rows->len && y + used + h + (skipped > 1 ? line_h : 0) > bottom)
        break;
      used += h;
      skipped--;
    }

  if (skipped > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u earlier event not shown.",
                                                         "%u earlier events not shown.", skipped), skipped);

      _limber_report_set_gray (cr, 0.3);
      y += _limber_report_text_full (report, MARGIN, y, CONTENT_WIDTH, FONT_LIST, more, FALSE, draw, 0) + 2;
    }
  for (guint i = skipped; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double h = row_height (report, row, date_w, what_w, reason_w);

      if (!draw)
        {
          y += h;
          continue;
        }
      _limber_report_set_gray (cr, 0);
      _limber_report_text (report, MARGIN, y, date_w, FONT_LIST, row->date);
      _limber_report_text (report, MARGIN + date_w + gap, y, what_w, FONT_LIST, row->what);
      _limber_report_set_gray (cr, 0.2);
      _limber_report_text_full (report, MARGIN + date_w + what_w + 2 * gap, y, reason_w, FONT_LIST,
                                row->reason, FALSE, TRUE, REASON_MAX_LINES);
      y += h;
    }
  /* the same 9 points as limber-report.c's check for a list that fits */
  return y + 9;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-report"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <math.h>

#include "limber-export-private.h"
#include "limber-report-private.h"
#include "limber-stats.h"
#include "limber-time.h"

/* The report for a physiotherapist or a doctor: one A4 page, two when the
 * notes need it, never more. Everything on it is Pango text in the PDF,
 * so it can be searched, copied and read aloud. Units are PDF points. */

void
_limber_report_set_gray (cairo_t *cr,
                         double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* Lays out @text (Pango markup when @markup) in @font, @width wide (-1 for
 * no wrapping), and draws it at (@x, @y) when @draw. Returns its height. */
double
_limber_report_text_full (Report     *report,
                          double      x,
                          double      y,
                          double      width,
                          const char *font,
                          const char *text,
                          gboolean    markup,
                          gboolean    draw,
                          int         max_lines)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoLayout *layout = report->layout;
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (layout, max_lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    {
      /* set_text() keeps the attributes of earlier markup */
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_text (layout, text, -1);
    }
  pango_layout_get_pixel_size (layout, &w, &h);

  if (draw)
    {
      cairo_move_to (report->cr, x, y);
      pango_cairo_show_layout (report->cr, layout);
    }
  return h;
}

double
_limber_report_text (Report     *report,
                     double      x,
                     double      y,
                     double      width,
                     const char *font,
                     const char *str)
{
  return _limber_report_text_full (report, x, y, width, font, str, FALSE, TRUE, 0);
}

double
_limber_report_text_width (Report     *report,
                           const char *font,
                           const char *str)
{
  int w;

  _limber_report_text_full (report, 0, 0, -1, font, str, FALSE, FALSE, 0);
  pango_layout_get_pixel_size (report->layout, &w, NULL);
  return w;
}

char *
_limber_report_format_date (const GDate *date,
                            const char  *format)
{
  char buf[128];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("?");
  return g_strdup (buf);
}

static char *
format_long_date (const GDate *date)
{
  /* Translators: a date in the report, as strftime(). xgettext:no-c-format */
  return _limber_report_format_date (date, C_("report", "%-d %B %Y"));
}

static char *
format_short_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = limber_time_to_local (time);

  /* Translators: a date in the report's lists of days, as g_date_time_format(). xgettext:no-c-format */
  return g_date_time_format (local, C_("report", "%-d %b"));
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

/* The heading block: title, period, how to read the page. */
static double
draw_heading (Report *report,
              double  y)
{
  g_autofree char *from = format_long_date (&report->first);
  g_autofree char *to = format_long_date (&report->last);
  g_autoptr(GDateTime) now = limber_time_now_local ();
  g_autofree char *made = NULL;
  g_autofree char *period = NULL;
  GDate today;

  date_of (now, &today);
  made = format_long_date (&today);

  _limber_report_set_gray (report->cr, 0);
  y += _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_TITLE,
                            _("Limber — stretching and symptom report")) + 4;

  period = g_strdup_printf (ngettext ("%s to %s (%u day) · made on %s",
                                      "%s to %s (%u days) · made on %s", report->n_days),
                            from, to, report->n_days, made);
  y += _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, "Sans 10.5", period) + 6;

  _limber_report_set_gray (report->cr, 0.3);
  y += _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_SMALL,
                            _("How to read this: pain and stiffness are the person’s own ratings from 0 (none) "
                            "to 10 (worst imaginable), averaged for each day; a break in a line means no "
                            "check-in for a few days. Green bars under the chart and green calendar days "
                            "mark days with a stretching routine; a dot marks a day with a check-in.")) + 10;
  return y;
}

static double
draw_chart (Report *report,
            double  y)
{
  cairo_t *cr = report->cr;
  g_autoptr(PangoFontDescription) desc = NULL;
  double size;
  g_autofree char *font = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* limber_chart_draw() lays out at Pango's default 96 dpi, while a PDF
   * point is 1/72 inch: ask for 7.5 × 72 / 96 to get 7.5 pt labels. */
  size = 7.5 * 72.0 / 96.0;
  font = g_strdup_printf ("Sans %s", g_ascii_formatd (buf, sizeof buf, "%.3f", size));
  report->style.font = font;

  _limber_report_set_gray (cr, 0);
  y += _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_HEADING, _("Pain and stiffness")) + 2;

  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  limber_chart_draw (cr, CONTENT_WIDTH, CHART_HEIGHT,
                     (const LimberChartDay *) report->days->data, report->days->len,
                     &report->style);
  report->has_axis = limber_chart_get_time_axis (cr, CONTENT_WIDTH, CHART_HEIGHT,
                                                 (const LimberChartDay *) report->days->data,
                                                 report->days->len, &report->style,
                                                 &report->axis_left, &report->axis_right);
  cairo_restore (cr);
  report->style.font = NULL;

  return y + CHART_HEIGHT + 10;
}

static char *
format_mean (const LimberStatsMean *mean)
{
  if (mean->n == 0)
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", limber_stats_mean_get (mean));
}

static char *
format_duration (guint64 ms)
{
  guint64 minutes = (ms + 30000) / 60000;

  if (minutes < 60)
    return g_strdup_printf (ngettext ("%u minute", "%u minutes", (gulong) minutes), (guint) minutes);
  /* Translators: hours and minutes */
  return g_strdup_printf (_("%u h %02u min"), (guint) (minutes / 60), (guint) (minutes % 60));
}

static void
add_trend_line (GPtrArray  *lines,
                Report     *report,
                const char *name,
                gboolean    pain)
{
  LimberStatsMean all = { 0 }, first = { 0 }, last = { 0 };
  guint n = report->days->len;
  g_autofree char *a = NULL;
  g_autofree char *f = NULL;
  g_autofree char *l = NULL;

  for (guint i = 0; i < n; i++)
    {
      const LimberChartDay *day = &g_array_index (report->days, LimberChartDay, i);
      double v = pain ? day->pain : day->stiffness;

      limber_stats_mean_add (&all, v);
      if (i < TREND_DAYS)
        limber_stats_mean_add (&first, v);
      if (i + TREND_DAYS >= n)
        limber_stats_mean_add (&last, v);
    }

  a = format_mean (&all);
  if (n < 2 * TREND_DAYS)
    {
      /* Translators: "Pain, average: 3.4" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s, average: %s"), name, a));
      return;
    }
  f = format_mean (&first);
  l = format_mean (&last);
  /* Translators: "Pain, average: 3.4; first two weeks 5.0, last two weeks 2.1" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s, average: %s; first two weeks %s, last two weeks %s"),
                                           name, a, f, l));
}

static double
draw_lines (Report    *report,
            double     x,
            double     y,
            double     width,
            GPtrArray *lines)
{
  double y0 = y;

  _limber_report_set_gray (report->cr, 0);
  for (guint i = 0; i < lines->len; i++)
    y += _limber_report_text (report, x, y, width, FONT_LIST, g_ptr_array_index (lines, i)) + 1.5;
  return y - y0;
}

static double
draw_summary (Report *report,
              double  x,
              double  y,
              double  width)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n_completed = 0, n_pain_stops = 0, n_routine_days = 0, n_checkin_days = 0;
  guint n_morning = 0, sides[3] = { 0 };
  guint64 active_ms = 0, morning_sum = 0;
  g_autofree char *duration = NULL;
  double h;

  for (guint i = 0; i < report->sessions->len; i++)
    {
      const LimberSessionInfo *info = g_ptr_array_index (report->sessions, i);

      n_completed += info->outcome == LIMBER_OUTCOME_COMPLETED;
      n_pain_stops += info->outcome == LIMBER_OUTCOME_STOPPED_FOR_PAIN;
      active_ms += info->active_ms;
    }
  for (guint i = 0; i < report->days->len; i++)
    {
      const LimberChartDay *day = &g_array_index (report->days, LimberChartDay, i);

      n_routine_days += day->routine;
      n_checkin_days += !isnan (day->pain) || !isnan (day->stiffness);
    }
  for (guint i = 0; i < report->checkins->len; i++)
    {
      const LimberCheckin *checkin = g_ptr_array_index (report->checkins, i);

      if (checkin->morning_stiffness >= 0)
        {
          morning_sum += checkin->morning_stiffness;
          n_morning++;
        }
      if ((guint) checkin->side < G_N_ELEMENTS (sides))
        sides[checkin->side]++;
    }

  _limber_report_set_gray (report->cr, 0);
  h = _limber_report_text (report, x, y, width, FONT_HEADING, _("Summary")) + 4;

  g_ptr_array_add (lines, g_strdup_printf (ngettext ("Sessions: %u (%u completed, %u stopped for pain)",
                                                     "Sessions: %u (%u completed, %u stopped for pain)",
                                                     report->sessions->len),
                                           report->sessions->len, n_completed, n_pain_stops));
  duration = format_duration (active_ms);
  g_ptr_array_add (lines, g_strdup_printf (_("Time stretching: %s"), duration));
  g_ptr_array_add (lines, g_strdup_printf (_("Days with a routine: %u of %u"),
                                           n_routine_days, report->n_days));
  g_ptr_array_add (lines, g_strdup_printf (ngettext ("Check-ins: %u, on %u of %u day",
                                                     "Check-ins: %u, on %u of %u days", report->n_days),
                                           report->checkins->len, n_checkin_days, report->n_days));
  add_trend_line (lines, report, _("Pain"), TRUE);
  add_trend_line (lines, report, _("Stiffness"), FALSE);
  if (n_morning > 0)
    {
      guint mean = (guint) round ((double) morning_sum / n_morning);
      g_autofree char *minutes = g_strdup_printf (ngettext ("%u minute", "%u minutes", mean), mean);

      /* Translators: "Morning stiffness: 20 minutes on average (3 check-ins)" */
      g_ptr_array_add (lines, g_strdup_printf (ngettext ("Morning stiffness: %s on average (%u check-in)",
                                                         "Morning stiffness: %s on average (%u check-ins)",
                                                         n_morning), minutes, n_morning));
    }
  if (report->checkins->len > 0)
    g_ptr_array_add (lines, g_strdup_printf (_("Side: both %u, left %u, right %u"),
                                             sides[LIMBER_BODY_SIDE_BOTH], sides[LIMBER_BODY_SIDE_LEFT],
                                             sides[LIMBER_BODY_SIDE_RIGHT]));

  return h + draw_lines (report, x, y + h, width, lines);
}

static char *
flag_line (const char *name,
           GPtrArray  *times,
           gboolean    sessions)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (times->len == 0)
    {
      /* Translators: "Weakness: none" */
      g_string_printf (line, _("%s: none"), name);
      return g_string_free (g_steal_pointer (&line), FALSE);
    }

  if (sessions)
    /* Translators: "Stopped because of pain: 2 sessions (2 Mar, …)" */
    g_string_printf (line, ngettext ("%s: %u session (", "%s: %u sessions (", times->len),
                     name, times->len);
  else
    /* Translators: "Weakness: 3 check-ins (2 Mar, …)" */
    g_string_printf (line, ngettext ("%s: %u check-in (", "%s: %u check-ins (", times->len),
                     name, times->len);
  for (guint i = 0; i < times->len && i < MAX_FLAG_DATES; i++)
    {
      g_autofree char *date = format_short_date (g_ptr_array_index (times, i));

      if (i > 0)
        g_string_append (line, ", ");
      g_string_append (line, date);
    }
  if (times->len > MAX_FLAG_DATES)
    g_string_append_printf (line, ngettext (" and %u more", " and %u more", times->len - MAX_FLAG_DATES),
                            times->len - MAX_FLAG_DATES);
  g_string_append (line, ")");
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static double
draw_flags (Report *report,
            double  x,
            double  y,
            double  width)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  static const struct { LimberSymptoms flag; const char *name; } symptoms[] = {
    { LIMBER_SYMPTOM_NUMBNESS, N_("Numbness or tingling") },
    { LIMBER_SYMPTOM_RADIATING, N_("Pain running down the leg") },
    { LIMBER_SYMPTOM_WEAKNESS, N_("Weakness") },
  };
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  double h;

  _limber_report_set_gray (report->cr, 0);
  h = _limber_report_text (report, x, y, width, FONT_HEADING, _("Symptoms flagged")) + 4;

  for (guint s = 0; s < G_N_ELEMENTS (symptoms); s++)
    {
      g_autoptr(GPtrArray) times = g_ptr_array_new ();

      for (guint i = 0; i < report->checkins->len; i++)
        {
          const LimberCheckin *checkin = g_ptr_array_index (report->checkins, i);

          if (checkin->symptoms & symptoms[s].flag)
            g_ptr_array_add (times, checkin->time);
        }
      g_ptr_array_add (lines, flag_line (_(symptoms[s].name), times, FALSE));
    }

  for (guint i = 0; i < report->sessions->len; i++)
    {
      const LimberSessionInfo *info = g_ptr_array_index (report->sessions, i);

      if (info->outcome == LIMBER_OUTCOME_STOPPED_FOR_PAIN)
        g_ptr_array_add (stops, info->started_at);
    }
  g_ptr_array_add (lines, flag_line (_("Routines stopped for pain"), stops, TRUE));

  return h + draw_lines (report, x, y + h, width, lines);
}

typedef struct
{
  char   *markup;
  double  height;
  guint   page;     /* 0 or 1, or G_MAXUINT when not shown */
  double  y;
} Note;

static void
note_clear (gpointer data)
{
  Note *note = data;

  g_free (note->markup);
}

/* A character that no installed font can draw would come out as a hex box:
 * it hides what the person wrote and is not text a reader can search for.
 * Such characters are written as their Unicode number instead, "[U+10FFFD]",
 * and the note says so (the CSV export always holds the note as written).
 * Limber's install script brings DejaVu and WenQuanYi Micro Hei, which cover
 * Latin, Greek, Cyrillic, Arabic, Hebrew and CJK; this is for the rest.
 * Sets @spelled when anything was replaced. */
char *
_limber_report_spell_undrawable (Report     *report,
                                 const char *font,
                                 const char *str,
                                 gboolean   *spelled)
{
  PangoLayout *layout = report->layout;
  g_autoptr(GHashTable) unknown = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) out = NULL;
  PangoLayoutIter *iter;

  *spelled = FALSE;
  _limber_report_text_full (report, 0, 0, -1, font, str, FALSE, FALSE, 0);
  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return g_strdup (str);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;

          /* Pango marks such a glyph with the flag and the character itself */
          if (glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            g_hash_table_add (unknown, GUINT_TO_POINTER (glyph & ~PANGO_GLYPH_UNKNOWN_FLAG));
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  out = g_string_new (NULL);
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_hash_table_contains (unknown, GUINT_TO_POINTER (c)))
        {
          g_string_append_printf (out, "[U+%04X]", c);
          *spelled = TRUE;
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GArray *
collect_notes (Report *report)
{
  GArray *notes = g_array_new (FALSE, TRUE, sizeof (Note));

  g_array_set_clear_func (notes, note_clear);

  /* newest first: when they do not all fit, the recent ones are kept */
  for (guint i = report->checkins->len; i-- > 0;)
    {
      const LimberCheckin *checkin = g_ptr_array_index (report->checkins, i);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *stripped = NULL;
      g_autofree char *valid = NULL;
      g_autofree char *drawable = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *ratings = NULL;
      gboolean spelled;
      Note note = { 0 };

      if (checkin->note == NULL)
        continue;
      valid = g_utf8_make_valid (checkin->note, -1);
      stripped = g_strstrip (g_strdup (valid));
      if (stripped[0] == '\0')
        continue;

      local = limber_time_to_local (checkin->time);
      /* Translators: when a note was written, as g_date_time_format(). xgettext:no-c-format */
      when = g_date_time_format (local, C_("report", "%a %-d %b %Y, %H:%M"));
      drawable = _limber_report_spell_undrawable (report, FONT_BODY, stripped, &spelled);
      escaped = g_markup_escape_text (drawable, -1);
      ratings = g_strdup_printf (_("pain %d, stiffness %d"), checkin->pain, checkin->stiffness);
      note.markup = g_strdup_printf ("<b>%s</b>   <span foreground=\"#555555\">%s</span>\n%s",
                                     when, ratings, escaped);
      if (spelled)
        {
          g_autofree char *explained = NULL;
          g_autofree char *why = g_markup_escape_text (_("No font on this computer can draw some characters "
                                                         "of this note, so they are shown by their Unicode "
                                                         "number. The CSV export holds the note as written."), -1);

          explained = g_strdup_printf ("%s\n<span size=\"small\" foreground=\"#555555\">%s</span>",
                                       note.markup, why);
          g_free (note.markup);
          note.markup = g_steal_pointer (&explained);
        }
      g_array_append_val (notes, note);
    }

  return notes;
}

static double
measure_note (Report *report,
              Note   *note)
{
  return _limber_report_text_full (report, 0, 0, CONTENT_WIDTH, FONT_BODY, note->markup, TRUE, FALSE, NOTE_MAX_LINES);
}

/* Places the notes on page 1 from @y and then on page 2; returns how many
 * are left out and whether page 2 is needed. */
static guint
place_notes (Report   *report,
             GArray   *notes,
             double    y,
             double    page2_top,
             double    line_height,
             gboolean *two_pages)
{
  guint page = 0;

  *two_pages = FALSE;
  for (guint i = 0; i < notes->len; i++)
    {
      Note *note = &g_array_index (notes, Note, i);
      gboolean last = i + 1 == notes->len;
      /* on the last page, keep room for "N more notes not shown" */
      double bottom = CONTENT_BOTTOM - (page == 1 && !last ? line_height + 6 : 0);

      note->height = measure_note (report, note);
      if (y + note->height > bottom && page == 0)
        {
          page = 1;
          *two_pages = TRUE;
          y = page2_top;
          bottom = CONTENT_BOTTOM - (!last ? line_height + 6 : 0);
        }
      if (y + note->height > bottom)
        return notes->len - i;

      note->page = page;
      note->y = y;
      y += note->height + 8;
    }
  return 0;
}

static void
draw_footer (Report *report,
             guint   page,
             guint   n_pages)
{
  cairo_t *cr = report->cr;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  double w = _limber_report_text_width (report, FONT_SMALL, number);

  _limber_report_set_gray (cr, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, FOOTER_TOP - 4);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, FOOTER_TOP - 4);
  cairo_stroke (cr);

  _limber_report_set_gray (cr, 0.3);
  _limber_report_text (report, MARGIN, FOOTER_TOP, CONTENT_WIDTH - w - 12, FONT_SMALL,
                       _("Made with Limber. Limber records what you enter; it does not diagnose."));
  _limber_report_text (report, PAGE_WIDTH - MARGIN - w, FOOTER_TOP, -1, FONT_SMALL, number);
}

static void
draw_report (Report *report)
{
  cairo_t *cr = report->cr;
  g_autoptr(GArray) notes = collect_notes (report);
  double y = MARGIN, column = (CONTENT_WIDTH - 20) / 2;
  double h1, h2, line_height, page2_top, notes_heading;
  g_autofree char *continued = NULL;
  gboolean two_pages, notes_later, list_on_page2;
  guint n_hidden;

  y = draw_heading (report, y);
  y = draw_chart (report, y);
  y = _limber_report_draw_program_band (report, y);
  y = _limber_report_draw_calendar (report, y);

  h1 = draw_summary (report, MARGIN, y, column);
  h2 = draw_flags (report, MARGIN + column + 20, y, column);
  y += MAX (h1, h2) + 12;
  /* the program's list on page 1 when all of it fits there, else at the
   * top of page 2, before the notes */
  list_on_page2 = _limber_report_draw_program_list (report, y, G_MAXDOUBLE, FALSE) > CONTENT_BOTTOM + 9;
  if (!list_on_page2)
    y = _limber_report_draw_program_list (report, y, CONTENT_BOTTOM, TRUE);

  _limber_report_set_gray (cr, 0);
  notes_heading = _limber_report_text_full (report, 0, 0, CONTENT_WIDTH, FONT_HEADING, _("Notes, newest first"),
                                            FALSE, FALSE, 0) + 4;
  line_height = _limber_report_text_full (report, 0, 0, CONTENT_WIDTH, FONT_BODY, "X", FALSE, FALSE, 0);
  page2_top = (list_on_page2 ? _limber_report_draw_program_list (report, MARGIN, CONTENT_BOTTOM, FALSE)
                             : MARGIN) + notes_heading;

  /* no room left on page 1 for the heading and a line (the program's
   * list took it): the notes begin on page 2, under their heading */
  notes_later = list_on_page2 || y + notes_heading + line_height > CONTENT_BOTTOM;
  if (!notes_later)
    {
      _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_HEADING, _("Notes, newest first"));
      y += notes_heading;
    }
  n_hidden = place_notes (report, notes, notes_later ? CONTENT_BOTTOM : y, page2_top, line_height, &two_pages);
  two_pages |= list_on_page2;

  if (notes->len == 0 && !notes_later)
    {
      _limber_report_set_gray (cr, 0.3);
      _limber_report_text (report, MARGIN, y, CONTENT_WIDTH, FONT_BODY, _("No notes in this period."));
    }

  for (guint page = 0; page < (two_pages ? 2u : 1u); page++)
    {
      double last_bottom = page == 0 ? y : page2_top;

      if (page == 1)
        {
          cairo_show_page (cr);
          if (list_on_page2)
            _limber_report_draw_program_list (report, MARGIN, CONTENT_BOTTOM, TRUE);
          _limber_report_set_gray (cr, 0);
          _limber_report_text (report, MARGIN, page2_top - notes_heading, CONTENT_WIDTH, FONT_HEADING,
                               notes_later ? _("Notes, newest first") : _("Notes, continued"));
          if (notes->len == 0)
            {
              _limber_report_set_gray (cr, 0.3);
              _limber_report_text (report, MARGIN, page2_top, CONTENT_WIDTH, FONT_BODY, _("No notes in this period."));
            }
        }

      for (guint i = 0; i < notes->len - n_hidden; i++)
        {
          Note *note = &g_array_index (notes, Note, i);

          if (note->page != page)
            continue;
          _limber_report_set_gray (cr, 0);
          _limber_report_text_full (report, MARGIN, note->y, CONTENT_WIDTH, FONT_BODY, note->markup, TRUE, TRUE,
                                    NOTE_MAX_LINES);
          last_bottom = note->y + note->height + 8;
        }

      if (n_hidden > 0 && page == (two_pages ? 1u : 0u))
        {
          g_autofree char *more = g_strdup_printf (ngettext ("%u more note not shown.",
                                                             "%u more notes not shown.", n_hidden),
                                                   n_hidden);
          _limber_report_set_gray (cr, 0.3);
          _limber_report_text (report, MARGIN, last_bottom, CONTENT_WIDTH, FONT_BODY, more);
        }

      draw_footer (report, page + 1, two_pages ? 2 : 1);
    }

  cairo_show_page (cr);
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} StreamClosure;

static cairo_status_t
write_to_stream (void                *data,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Keeps only what happened between the report's first and last day. */
static GPtrArray *
within (Report       *report,
        GPtrArray    *array,
        GCompareFunc  compare,
        gboolean      sessions)
{
  g_autoptr(GPtrArray) sorted = limber_records_sorted_copy (array, compare);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < sorted->len; i++)
    {
      gpointer item = g_ptr_array_index (sorted, i);
      GDateTime *time = sessions ? ((LimberSessionInfo *) item)->started_at : ((LimberCheckin *) item)->time;
      GDate date;

      if (time == NULL)
        continue;
      date_of (time, &date);
      if (g_date_compare (&date, &report->first) >= 0 && g_date_compare (&date, &report->last) <= 0)
        g_ptr_array_add (kept, item);
    }
  return kept;
}

/**
 * limber_report_period:
 * @from: (nullable): the first moment of the period
 * @to: (nullable): the moment after its end
 * @first: (out caller-allocates): the first day of the report
 * @last: (out caller-allocates): the last day of the report
 *
 * The days a report covers, by local date: @last is the day before @to
 * ends, or today; @first is @from's day, or %LIMBER_REPORT_DEFAULT_DAYS
 * days up to and including @last. A @first after @last becomes @last.
 */
void
limber_report_period (GDateTime *from,
                      GDateTime *to,
                      GDate     *first,
                      GDate     *last)
{
  g_return_if_fail (first != NULL && last != NULL);

  if (to != NULL)
    {
      g_autoptr(GDateTime) end = g_date_time_add (to, -1);

      date_of (end, last);
    }
  else
    {
      g_autoptr(GDateTime) now = limber_time_now_local ();

      date_of (now, last);
    }

  if (from != NULL)
    date_of (from, first);
  else
    {
      *first = *last;
      g_date_subtract_days (first, LIMBER_REPORT_DEFAULT_DAYS - 1);
    }

  if (g_date_compare (first, last) > 0)
    *first = *last;
}

/**
 * limber_report_write:
 * @stream: where the PDF goes
 * @first: the first day of the period
 * @last: its last day, inclusive
 * @sessions: (nullable) (element-type LimberSessionInfo): sessions, any order
 * @checkins: (nullable) (element-type LimberCheckin): check-ins, any order
 *
 * Writes the report over the days from @first to @last; records on
 * other days are left out. @stream is flushed, not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_report_write (GOutputStream  *stream,
                     const GDate    *first,
                     const GDate    *last,
                     GPtrArray      *sessions,
                     GPtrArray      *checkins,
                     GError        **error)
{
  return limber_report_write_full (stream, first, last, sessions, checkins, NULL, error);
}

/**
 * limber_report_write_full:
 * @programs: (nullable): the program events, from limber_report_programs_read()
 *
 * limber_report_write() with the program: when a program is under way in
 * the period, its level is a band under the chart; the events of @programs
 * that fall in the period are listed under "Program" with their reasons.
 *
 * Returns: %TRUE on success
 */
gboolean
limber_report_write_full (GOutputStream               *stream,
                          const GDate                 *first,
                          const GDate                 *last,
                          GPtrArray                   *sessions,
                          GPtrArray                   *checkins,
                          const LimberReportPrograms  *programs,
                          GError                     **error)
{
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GPtrArray) kept_sessions = NULL;
  g_autoptr(GPtrArray) kept_checkins = NULL;
  g_autoptr(GArray) days = NULL;
  StreamClosure closure = { 0 };
  Report report = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report.first = *first;
  report.last = *last;
  report.n_days = g_date_get_julian (last) - g_date_get_julian (first) + 1;
  kept_sessions = within (&report, sessions, limber_session_info_compare, TRUE);
  kept_checkins = within (&report, checkins, limber_checkin_compare, FALSE);
  days = limber_chart_days_new (first, last, kept_sessions, kept_checkins);
  report.sessions = kept_sessions;
  report.checkins = kept_checkins;
  report.days = days;
  report.programs = programs;
  limber_chart_style_init (&report.style, LIMBER_CHART_STYLE_PRINT);

  /* cairo writes in small pieces */
  buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  closure.stream = buffered;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &closure, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Limber — stretching and symptom report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Limber " LIMBER_VERSION);
  report.cr = cairo_create (surface);
  report.context = pango_cairo_create_context (report.cr);
  /* 1 point = 1 unit: font sizes are in points */
  pango_cairo_context_set_resolution (report.context, 72);
  report.layout = pango_layout_new (report.context);

  draw_report (&report);

  g_object_unref (report.layout);
  g_object_unref (report.context);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_flush (buffered, NULL, error);
}

typedef struct
{
  const GDate *first;
  const GDate *last;
  GPtrArray   *sessions;
  GPtrArray   *checkins;
  const LimberReportPrograms *programs;
} ReportArgs;

static gboolean
write_report (GOutputStream  *stream,
              gpointer        data,
              GError        **error)
{
  ReportArgs *args = data;

  return limber_report_write_full (stream, args->first, args->last,
                                   args->sessions, args->checkins, args->programs, error);
}

/**
 * limber_report_write_file:
 * @file: where to write the PDF
 * @first: the first day of the period
 * @last: its last day, inclusive
 * @sessions: (nullable) (element-type LimberSessionInfo): sessions, any order
 * @checkins: (nullable) (element-type LimberCheckin): check-ins, any order
 *
 * Writes limber_report_write() to @file with
 * _limber_export_write_file(), which keeps what is at @file a regular file
 * with its mode and links.
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
limber_report_write_file (GFile        *file,
                          const GDate  *first,
                          const GDate  *last,
                          GPtrArray    *sessions,
                          GPtrArray    *checkins,
                          GError      **error)
{
  return limber_report_write_file_full (file, first, last, sessions, checkins, NULL, error);
}

/**
 * limber_report_write_file_full:
 * @programs: (nullable): as for limber_report_write_full()
 *
 * limber_report_write_file() with the program.
 *
 * Returns: %TRUE on success; on failure @file is as it was
 */
gboolean
limber_report_write_file_full (GFile                       *file,
                               const GDate                 *first,
                               const GDate                 *last,
                               GPtrArray                   *sessions,
                               GPtrArray                   *checkins,
                               const LimberReportPrograms  *programs,
                               GError                     **error)
{
  ReportArgs args = { first, last, sessions, checkins, programs };

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, FALSE);

  return _limber_export_write_file (file, write_report, &args, error);
}

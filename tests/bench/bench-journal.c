/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A journal with ten years of daily check-ins and sessions: how long it
 * takes to open it, to read the history page's last 30 days, to work out a
 * year of daily means, to draw a year's chart, to export everything as CSV
 * and to make a 90-day PDF report. Each is the median of a few runs, next
 * to a same-run baseline that does the bare minimum of the same work
 * (plain SQLite reads, a bare cairo polyline, a one-line PDF), and next to
 * its target. It prints results and never fails on timing. */
#include <locale.h>
#include <math.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <glib/gstdio.h>

#include "limber-chart.h"
#include "limber-export.h"
#include "limber-journal-private.h"
#include "ten-years.h"

#define YEARS          10
#define DAYS           (YEARS * 365)
#define API_DAYS       60      /* filled through the API at full durability */
#define RUNS           7

typedef struct
{
  const char *name;
  double      ms;
  const char *baseline_name;
  double      baseline_ms;
  double      target_ms;     /* 0 for none */
} Row;

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];

        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef void (*Work) (gpointer data);

static double
time_median (Work     work,
             gpointer data,
             guint    runs)
{
  double values[RUNS];

  g_assert (runs <= RUNS);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      work (data);
      values[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (values, runs);
}

/* Filling */


static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
fill (const char *path,
      GDateTime  *first_day,
      double     *api_ms_per_day,
      double     *fast_ms_per_day)
{
  g_autoptr(LimberJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (!(journal = limber_journal_open (path, &error)))
    g_error ("%s", error->message);

  /* The real thing: three BEGIN IMMEDIATE … COMMIT a day at
   * synchronous = FULL, as the app writes them. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < API_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);

      bench_add_day (journal, day, i);
    }
  *api_ms_per_day = (g_get_monotonic_time () - start) / 1000.0 / API_DAYS;

  /* The rest through the same API without waiting for the disk (a
   * test-only shortcut): the rows are the same, only the fsyncs go. */
  exec (_limber_journal_get_handle_for_testing (journal), "PRAGMA synchronous = OFF");
  start = g_get_monotonic_time ();
  for (guint i = API_DAYS; i < DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first_day, i);

      bench_add_day (journal, day, i);
    }
  *fast_ms_per_day = (g_get_monotonic_time () - start) / 1000.0 / (DAYS - API_DAYS);
  exec (_limber_journal_get_handle_for_testing (journal), "PRAGMA synchronous = FULL");
  exec (_limber_journal_get_handle_for_testing (journal), "PRAGMA wal_checkpoint(TRUNCATE)");
}

/* The measured work */

typedef struct
{
  const char    *path;
  LimberJournal *journal;
  GDateTime     *now;
  GDateTime     *month_ago;
  GDateTime     *year_ago;
  GArray        *year_days;
  GFile         *csv;
  GFile         *pdf;
  GFile         *scratch;
  gsize          csv_size;
  guint          n_rows;
} Bench;

static void
work_open (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  LimberJournal *journal = limber_journal_open (bench->path, &error);

  if (journal == NULL)
    g_error ("%s", error->message);
  g_object_unref (journal);
}

static void
baseline_open (gpointer data)
{
  Bench *bench = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;

  if (sqlite3_open_v2 (bench->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM checkins)", -1, &stmt, NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
lists (Bench     *bench,
       GDateTime *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions_between (bench->journal, from, NULL, &error);
  g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (bench->journal, from, NULL, &error);

  if (sessions == NULL || checkins == NULL)
    g_error ("%s", error->message);
  bench->n_rows = sessions->len + checkins->len;
}

static void
work_history (gpointer data)
{
  Bench *bench = data;

  lists (bench, bench->month_ago);
}

/* The same rows with every column, straight from SQLite. */
static guint
raw_read (Bench     *bench,
          GDateTime *from)
{
  sqlite3 *db = _limber_journal_get_handle_for_testing (bench->journal);
  const char *sql[] = {
    "SELECT * FROM sessions WHERE started_at >= ?1 ORDER BY started_at",
    "SELECT * FROM checkins WHERE time >= ?1 ORDER BY time",
  };
  gint64 usec = from ? g_date_time_to_unix (from) * G_USEC_PER_SEC : G_MININT64;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt;

      if (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_bind_int64 (stmt, 1, usec);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            sqlite3_column_text (stmt, c);
          n++;
        }
      sqlite3_finalize (stmt);
    }
  return n;
}

static void
baseline_history (gpointer data)
{
  Bench *bench = data;

  raw_read (bench, bench->month_ago);
}

static void
baseline_year (gpointer data)
{
  Bench *bench = data;

  raw_read (bench, bench->year_ago);
}

static void
work_stats (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = limber_journal_list_sessions_between (bench->journal, bench->year_ago, NULL, &error);
  g_autoptr(GPtrArray) checkins = limber_journal_list_checkins (bench->journal, bench->year_ago, NULL, &error);
  g_autofree char *text = NULL;
  GDate first, last;

  limber_report_period (bench->year_ago, NULL, &first, &last);
  g_clear_pointer (&bench->year_days, g_array_unref);
  bench->year_days = limber_chart_days_new (&first, &last, sessions, checkins);
  text = limber_chart_describe ((const LimberChartDay *) bench->year_days->data, bench->year_days->len);
}

static void
work_chart (gpointer data)
{
  Bench *bench = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
  cairo_t *cr = cairo_create (surface);
  LimberChartStyle style;

  limber_chart_style_init (&style, LIMBER_CHART_STYLE_LIGHT);
  limber_chart_draw (cr, 800, 300, (const LimberChartDay *) bench->year_days->data,
                     bench->year_days->len, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* One plain polyline of the same 365 points, no text. */
static void
baseline_chart (gpointer data)
{
  Bench *bench = data;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < bench->year_days->len; i++)
    {
      const LimberChartDay *day = &g_array_index (bench->year_days, LimberChartDay, i);

      cairo_line_to (cr, i * 800.0 / bench->year_days->len, 300 - (isnan (day->pain) ? 0 : day->pain) * 30);
    }
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static void
work_csv (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;

  if (!limber_export_csv (bench->journal, bench->csv, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* Every row read raw, and a file of the CSV's size written. */
static void
baseline_csv (gpointer data)
{
  Bench *bench = data;
  g_autofree char *buffer = g_malloc0 (bench->csv_size);
  g_autofree char *path = g_file_get_path (bench->scratch);

  raw_read (bench, NULL);
  if (!g_file_set_contents (path, buffer, bench->csv_size, NULL))
    g_error ("could not write %s", path);
}

static void
work_report (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;

  if (!limber_export_report (bench->journal, bench->pdf, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* A one-page PDF with one line of Pango text. */
static void
baseline_report (gpointer data)
{
  Bench *bench = data;
  g_autofree char *path = g_file_get_path (bench->scratch);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_layout_set_text (layout, "Limber — stretching and symptom report", -1);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static void
print_row (const Row *row)
{
  g_autofree char *ratio = row->baseline_ms > 0.001 ? g_strdup_printf ("%.1f×", row->ms / row->baseline_ms)
                                                    : g_strdup ("–");
  g_autofree char *target = row->target_ms > 0 ? g_strdup_printf ("< %.0f ms", row->target_ms) : g_strdup ("");
  const char *verdict = row->target_ms <= 0 ? "" : row->ms < row->target_ms ? "met" : "NOT met";

  g_print ("  %-34s %9.2f ms   %-30s %9.2f ms %8s   %-9s %s\n",
           row->name, row->ms, row->baseline_name, row->baseline_ms, ratio, target, verdict);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *scratch_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) first_day = g_date_time_add_days (today, -(DAYS - 1));
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (today, -29);
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (today, -364);
  g_autoptr(GFileInfo) info = NULL;
  double api_ms, fast_ms, history_ms, stats_ms, chart_ms;
  guint n_history_rows, n_all_rows;
  Bench bench = { 0 };
  Row rows[6];
  gint64 start;

  setlocale (LC_ALL, "");

  if ((dir = g_dir_make_tmp ("limber-bench-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "journal.db", NULL);
  csv_path = g_build_filename (dir, "export.csv", NULL);
  pdf_path = g_build_filename (dir, "report.pdf", NULL);
  scratch_path = g_build_filename (dir, "scratch", NULL);

  g_print ("Journal with %d years of daily check-ins and sessions (%d days, %d rows)\n",
           YEARS, DAYS, 2 * DAYS);

  start = g_get_monotonic_time ();
  fill (path, first_day, &api_ms, &fast_ms);
  g_print ("\nFilling\n");
  g_print ("  through the API, synchronous = FULL: %.2f ms a day (a check-in and a session: 3 transactions)\n"
           "    → %.1f s for all %d days that way\n",
           api_ms, api_ms * DAYS / 1000, DAYS);
  g_print ("  through the API, synchronous = OFF (test-only): %.3f ms a day\n", fast_ms);
  g_print ("  fill took %.1f s in all\n", (g_get_monotonic_time () - start) / 1e6);

  bench.path = path;
  bench.now = now;
  bench.month_ago = month_ago;
  bench.year_ago = year_ago;
  bench.csv = g_file_new_for_path (csv_path);
  bench.pdf = g_file_new_for_path (pdf_path);
  bench.scratch = g_file_new_for_path (scratch_path);

  rows[0] = (Row) { "open (with quick_check)", time_median (work_open, &bench, 3),
                    "sqlite3_open + count(*)", time_median (baseline_open, &bench, 3), 0 };

  if (!(bench.journal = limber_journal_open (path, &error)))
    g_error ("%s", error->message);

  history_ms = time_median (work_history, &bench, RUNS);
  n_history_rows = bench.n_rows;
  rows[1] = (Row) { "history: last 30 days, both lists", history_ms,
                    "raw SELECT * of the same rows", time_median (baseline_history, &bench, RUNS), 30 };

  stats_ms = time_median (work_stats, &bench, RUNS);
  rows[2] = (Row) { "stats: a year of daily means", stats_ms,
                    "raw SELECT * of a year", time_median (baseline_year, &bench, RUNS), 0 };

  chart_ms = time_median (work_chart, &bench, RUNS);
  rows[3] = (Row) { "chart: 365 days on 800×300", chart_ms,
                    "bare 365-point polyline", time_median (baseline_chart, &bench, RUNS), 30 };

  work_csv (&bench);
  info = g_file_query_info (bench.csv, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  bench.csv_size = g_file_info_get_size (info);
  lists (&bench, NULL);
  n_all_rows = bench.n_rows;
  rows[4] = (Row) { "CSV export: all 10 years", time_median (work_csv, &bench, 5),
                    "raw SELECT * + write same size", time_median (baseline_csv, &bench, 5), 200 };

  rows[5] = (Row) { "PDF report: last 90 days", time_median (work_report, &bench, 5),
                    "one-line PDF", time_median (baseline_report, &bench, 5), 1000 };

  g_print ("\nMedian times (ratio = measured / baseline)\n");
  g_print ("  %-34s %12s   %-30s %12s %8s   %-9s\n", "", "measured", "baseline", "", "ratio", "target");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    print_row (&rows[i]);

  g_print ("\n  history page ready (history + stats + chart): %.2f ms, target < 30 ms: %s\n",
           history_ms + stats_ms + chart_ms, history_ms + stats_ms + chart_ms < 30 ? "met" : "NOT met");
  g_print ("  %u rows in the last 30 days, %u in all; CSV %.1f MiB\n",
           n_history_rows, n_all_rows, bench.csv_size / 1048576.0);
  g_print ("  (targets are reported, not enforced)\n");

  g_clear_pointer (&bench.year_days, g_array_unref);
  g_clear_object (&bench.journal);
  g_clear_object (&bench.csv);
  g_clear_object (&bench.pdf);
  g_clear_object (&bench.scratch);
  for (const char * const *name = (const char * const[]) { "journal.db", "journal.db-wal", "journal.db-shm",
                                                           "export.csv", "report.pdf", "scratch", NULL };
       *name; name++)
    {
      g_autofree char *file = g_build_filename (dir, *name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);

  return EXIT_SUCCESS;
}

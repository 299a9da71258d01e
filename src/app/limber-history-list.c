/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-history"

#include <glib/gi18n.h>

#include "limber-history-list.h"
#include "limber-routine.h"
#include "limber-time.h"

/* The History page's list of the whole journal, newest first, as a
 * GListModel for a GtkListView that loads as it scrolls: the model holds
 * only the entries read so far, a few screens' worth, and the page asks for
 * more (limber_history_list_load_more()) as the list nears its end, one
 * page (limber_journal_list_entries_before()) at a time, until the first
 * day.
 *
 * Why not a model that says from the start how many entries there are, so
 * that the scroll bar is the journal's length: GTK 4.8's GtkListView makes,
 * binds and measures up to 200 row widgets around the row it shows,
 * whatever the window's size; with wrapped labels that was over half a
 * second before the first rows of a long journal appeared, against a few
 * milliseconds for a journal of a day. Holding fewer items is the one way
 * to have it make fewer rows. The page says how many entries there are
 * (its "Your Whole Journal" row), so the length is not lost.
 *
 * Rows are drawn by limber_history_list_new_factory(): a date heading
 * above the first entry of each day, then the entry. */

struct _LimberHistoryList
{
  GObject        parent_instance;

  LimberJournal *journal;
  LimberCatalog *catalog;    /* for bundled routines' names in today's language */
  GDateTime     *today;      /* for tests; NULL means now */
  GPtrArray     *items;      /* LimberHistoryItem, the entries read so far */
  gboolean       complete;   /* the first day has been read */

  GtkListView       *view;   /* followed by limber_history_list_follow_view() */
  GtkScrolledWindow *scroller;
  guint              fill_id;
};

static void limber_history_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberHistoryList, limber_history_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, limber_history_list_model_init))

/* Reads up to @n entries older than the last one read, without saying so
 * to the model's views. */
static void
read_entries (LimberHistoryList *self,
              guint              n)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  const LimberJournalEntry *last = NULL;

  if (self->complete || self->journal == NULL || n == 0)
    return;
  if (self->items->len > 0)
    last = limber_history_item_get_entry (g_ptr_array_index (self->items, self->items->len - 1));

  page = limber_journal_list_entries_before (self->journal, last, n, &error);
  if (page == NULL)
    {
      g_message ("Could not read the journal: %s", error->message);
      self->complete = TRUE;
      return;
    }
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (self->items, limber_history_item_new (g_steal_pointer (&page->pdata[i])));
  if (page->len < n)
    self->complete = TRUE;
  g_debug ("Read %u entries of the journal", self->items->len);
}

static GType
limber_history_list_get_item_type (GListModel *model)
{
  return LIMBER_TYPE_HISTORY_ITEM;
}

static guint
limber_history_list_get_n_items (GListModel *model)
{
  return LIMBER_HISTORY_LIST (model)->items->len;
}

static gpointer
limber_history_list_get_item (GListModel *model,
                              guint       position)
{
  LimberHistoryList *self = LIMBER_HISTORY_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
limber_history_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = limber_history_list_get_item_type;
  iface->get_n_items = limber_history_list_get_n_items;
  iface->get_item = limber_history_list_get_item;
}

static void
limber_history_list_dispose (GObject *object)
{
  LimberHistoryList *self = LIMBER_HISTORY_LIST (object);

  limber_history_list_follow_view (self, NULL, NULL);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (limber_history_list_parent_class)->dispose (object);
}

static void
limber_history_list_class_init (LimberHistoryListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_history_list_dispose;
}

static void
limber_history_list_init (LimberHistoryList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->complete = TRUE;
}

LimberHistoryList *
limber_history_list_new (void)
{
  return g_object_new (LIMBER_TYPE_HISTORY_LIST, NULL);
}

void
limber_history_list_set_journal (LimberHistoryList *self,
                                 LimberJournal     *journal)
{
  g_return_if_fail (LIMBER_IS_HISTORY_LIST (self));
  g_set_object (&self->journal, journal);
}

void
limber_history_list_set_catalog (LimberHistoryList *self,
                                 LimberCatalog     *catalog)
{
  g_return_if_fail (LIMBER_IS_HISTORY_LIST (self));
  g_set_object (&self->catalog, catalog);
}

LimberCatalog *
limber_history_list_get_catalog (LimberHistoryList *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_LIST (self), NULL);
  return self->catalog;
}

void
limber_history_list_set_today (LimberHistoryList *self,
                               GDateTime         *today)
{
  g_return_if_fail (LIMBER_IS_HISTORY_LIST (self));
  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
}

/**
 * limber_history_list_reload:
 * @n: how many of the newest entries to read (at least one)
 *
 * Forgets what was read and reads the @n newest entries again: as many as
 * the view showed, so that a change far back does not cut the list short.
 */
void
limber_history_list_reload (LimberHistoryList *self,
                            guint              n)
{
  gboolean was_complete = self->complete;
  guint old;

  g_return_if_fail (LIMBER_IS_HISTORY_LIST (self));

  old = self->items->len;
  /* a list read to its first day stays so when a few entries were added
   * (an undone delete, a check-in dated in the past) */
  if (was_complete && old > 0)
    n = MAX (n, old + 64);
  /* said as a removal, then an addition: in GTK 4.8 one change that both
   * removes and adds makes the list view look for the row it tracks among
   * all the added ones */
  g_ptr_array_set_size (self->items, 0);
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  self->complete = FALSE;
  read_entries (self, MAX (n, 1));
  if (self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->items->len);
}

/**
 * limber_history_list_load_more:
 * @n: how many entries to read at most
 *
 * Reads up to @n entries older than those read so far and adds them at
 * the end of the list.
 *
 * Returns: how many were added; 0 once the first day has been read
 */
guint
limber_history_list_load_more (LimberHistoryList *self,
                               guint              n)
{
  guint old;

  g_return_val_if_fail (LIMBER_IS_HISTORY_LIST (self), 0);

  old = self->items->len;
  read_entries (self, n);
  if (self->items->len > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->items->len - old);
  return self->items->len - old;
}

/**
 * limber_history_list_is_complete:
 *
 * Returns: whether the list holds every entry, back to the first day
 */
gboolean
limber_history_list_is_complete (LimberHistoryList *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_LIST (self), TRUE);
  return self->complete;
}

guint
limber_history_list_get_n_loaded (LimberHistoryList *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_LIST (self), 0);
  return self->items->len;
}

/* Loading as it scrolls: while the end of what was read is less than two
 * screens below the view, a tick reads FILL_ROWS more at each frame (about
 * a screen: making the row widgets is what costs), or JUMP_ROWS when the
 * view is at the very end (the End key, or the scroll bar dragged down). */
#define FILL_ROWS 16
#define JUMP_ROWS 200

static gboolean
wants_more (LimberHistoryList *self,
            double            *left)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adj);

  *left = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_value (adj) - page;
  return gtk_list_view_get_model (self->view) != NULL && !self->complete && *left < 2 * page;
}

static gboolean
fill_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  LimberHistoryList *self = data;
  double left;

  if (!wants_more (self, &left))
    {
      self->fill_id = 0;
      return G_SOURCE_REMOVE;
    }
  limber_history_list_load_more (self, left < 1 ? JUMP_ROWS : FILL_ROWS);
  return G_SOURCE_CONTINUE;
}

static void
queue_fill (LimberHistoryList *self)
{
  double left;

  if (self->fill_id == 0 && self->view != NULL && wants_more (self, &left))
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), fill_tick, self, NULL);
}

/**
 * limber_history_list_follow_view:
 * @view: (nullable): the list view showing @self, or %NULL to stop
 * @scroller: (nullable): its scrolled window
 *
 * Reads on as @view nears the end of what was read, for as long as @view
 * has a model. Call with %NULL before @view goes.
 */
void
limber_history_list_follow_view (LimberHistoryList *self,
                                 GtkListView       *view,
                                 GtkScrolledWindow *scroller)
{
  g_return_if_fail (LIMBER_IS_HISTORY_LIST (self));

  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->fill_id);
  self->fill_id = 0;
  if (self->scroller != NULL)
    g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (self->scroller), self);
  self->view = view;
  self->scroller = scroller;
  if (scroller != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

      g_signal_connect_swapped (adj, "value-changed", G_CALLBACK (queue_fill), self);
      g_signal_connect_swapped (adj, "changed", G_CALLBACK (queue_fill), self);
    }
}

/* Describing entries */

static const char *
outcome_label (LimberOutcome outcome)
{
  switch (outcome)
    {
    case LIMBER_OUTCOME_COMPLETED: return _("completed");
    case LIMBER_OUTCOME_STOPPED: return _("stopped");
    case LIMBER_OUTCOME_STOPPED_FOR_PAIN: return _("stopped because it hurt");
    case LIMBER_OUTCOME_INTERRUPTED: return _("interrupted");
    case LIMBER_OUTCOME_IN_PROGRESS: return _("in progress");
    default: return "";
    }
}

static void
append_checkin_details (GString             *str,
                        const LimberCheckin *checkin)
{
  if (checkin->morning_stiffness >= 0)
    g_string_append_printf (str, _(" · stiff for %d min in the morning"), checkin->morning_stiffness);
  if (checkin->symptoms & LIMBER_SYMPTOM_NUMBNESS)
    g_string_append (str, _(" · numbness or tingling"));
  if (checkin->symptoms & LIMBER_SYMPTOM_RADIATING)
    g_string_append (str, _(" · pain down the leg"));
  if (checkin->symptoms & LIMBER_SYMPTOM_WEAKNESS)
    g_string_append (str, _(" · weakness"));
  if (checkin->note != NULL && *checkin->note != '\0')
    {
      /* a note may be long: the row shows its start, the form all of it */
      g_autofree char *line = g_utf8_make_valid (checkin->note, -1);

      g_strdelimit (line, "\r\n\t", ' ');
      if (g_utf8_strlen (line, -1) > 80)
        {
          *g_utf8_offset_to_pointer (line, 79) = '\0';
          g_string_append_printf (str, " · %s…", line);
        }
      else
        g_string_append_printf (str, " · %s", line);
    }
}

/**
 * limber_history_list_describe_entry:
 * @catalog: (nullable): names Limber's own routines in today's language
 * @subtitle: (out): when, and the details
 *
 * Returns: (transfer full): the entry's title: a check-in's pain,
 *   stiffness and side, a session's routine
 */
char *
limber_history_list_describe_entry (LimberCatalog             *catalog,
                                    const LimberJournalEntry  *entry,
                                    char                     **subtitle)
{
  const char *where[] = { N_("both legs"), N_("left leg"), N_("right leg") };
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *when = NULL;

  if (entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN)
    {
      const LimberCheckin *checkin = entry->checkin;

      local = limber_time_to_local (checkin->time);
      when = g_date_time_format (local, "%H:%M");
      g_string_append (str, when);
      append_checkin_details (str, checkin);
      *subtitle = g_string_free (g_steal_pointer (&str), FALSE);
      /* Translators: a check-in in the history list */
      return g_strdup_printf (_("Pain %d/10 · stiffness %d/10 · %s"),
                              checkin->pain, checkin->stiffness, _(where[CLAMP (checkin->side, 0, 2)]));
    }
  else
    {
      const LimberSessionInfo *session = entry->session;
      g_autofree char *minutes = limber_format_duration (session->active_ms / 1000);

      local = limber_time_to_local (session->started_at);
      when = g_date_time_format (local, "%H:%M");
      if (session->rating >= 0)
        /* Translators: when, how long, how it ended, and the rating afterwards */
        *subtitle = g_strdup_printf (_("%s · %s · %s · felt %d/10 afterwards"),
                                     when, minutes, outcome_label (session->outcome), session->rating);
      else
        *subtitle = g_strdup_printf (_("%s · %s · %s"), when, minutes, outcome_label (session->outcome));
      return g_utf8_make_valid (limber_catalog_name_session_routine (catalog, session->routine_id,
                                                                     session->routine_name), -1);
    }
}

/**
 * limber_history_list_describe_day:
 *
 * Returns: (transfer full): the heading of @time's day: Today, Yesterday,
 *   or the date
 */
char *
limber_history_list_describe_day (LimberHistoryList *self,
                                  GDateTime         *time)
{
  g_autoptr(GDateTime) now = self->today ? g_date_time_ref (self->today) : limber_time_now_local ();
  g_autoptr(GDateTime) local = limber_time_to_local (time);
  GDate day, today;
  int ago;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  ago = g_date_days_between (&day, &today);
  if (ago == 0)
    return g_strdup (_("Today"));
  if (ago == 1)
    return g_strdup (_("Yesterday"));
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: a day heading in the history list, this year */
    return g_date_time_format (local, _("%A %-d %B"));
  /* Translators: a day heading in the history list, an earlier year */
  return g_date_time_format (local, _("%A %-d %B %Y"));
}

/* Rows */

typedef struct
{
  LimberHistoryList     *list;
  LimberHistoryListFunc  on_delete;
  gpointer               user_data;
} Factory;

static GDateTime *
entry_time (const LimberJournalEntry *entry)
{
  return entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN ? entry->checkin->time : entry->session->started_at;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  g_autoptr(GDateTime) la = limber_time_to_local (a);
  g_autoptr(GDateTime) lb = limber_time_to_local (b);

  return g_date_time_get_year (la) == g_date_time_get_year (lb)
         && g_date_time_get_day_of_year (la) == g_date_time_get_day_of_year (lb);
}

static void
on_delete_clicked (GtkButton *button,
                   Factory   *factory)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  LimberHistoryItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    factory->on_delete (factory->user_data, item);
}

static void
setup_row (GtkSignalListItemFactory *signal_factory,
           GtkListItem              *list_item,
           Factory                  *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  /* a long date at 1.5x text must not widen a phone's window */
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "limber-day-heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_widget_add_css_class (row, "limber-entry");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (row), icon);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  /* Wrapped, not cut with "…": at 360 px and large text a one-line row
   * kept little more than "Pain 2 · stiffness 6 · bo…". One-line rows
   * would cost GTK 4.8 much less to lay out (it makes a new text layout
   * for every width it tries on a wrapped label: 14 rows took 299 M
   * instructions wrapped, 82 M on one line, about 50 ms), but reading the
   * journal comes first. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), texts);

  /* the Delete key does the same from the keyboard: one Tab stop per list */
  gtk_widget_set_focusable (delete, FALSE);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_add_css_class (delete, "circular");
  g_object_set_data (G_OBJECT (delete), "list-item", list_item);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), factory);
  gtk_box_append (GTK_BOX (row), delete);
  gtk_box_append (GTK_BOX (box), row);

  g_object_set_data (G_OBJECT (box), "heading", heading);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "delete", delete);
  gtk_list_item_set_child (list_item, box);
}

/* A check-in is a note written; a session shows how it ended (a "play"
 * icon read as "start this routine"): done, stopped for pain, stopped */
static const char *
entry_icon (const LimberJournalEntry *entry)
{
  if (entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN)
    return "document-edit-symbolic";
  switch (entry->session->outcome)
    {
    case LIMBER_OUTCOME_COMPLETED:
      return "object-select-symbolic";
    case LIMBER_OUTCOME_STOPPED_FOR_PAIN:
      return "dialog-warning-symbolic";
    case LIMBER_OUTCOME_STOPPED:
    case LIMBER_OUTCOME_INTERRUPTED:
    default:
      return "media-playback-stop-symbolic";
    }
}

static void
bind_row (GtkSignalListItemFactory *signal_factory,
          GtkListItem              *list_item,
          Factory                  *factory)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  LimberHistoryItem *item = gtk_list_item_get_item (list_item);
  const LimberJournalEntry *entry = limber_history_item_get_entry (item);
  guint position = gtk_list_item_get_position (list_item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (box), "heading");
  GtkWidget *delete = g_object_get_data (G_OBJECT (box), "delete");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = limber_history_list_describe_entry (factory->list->catalog, entry, &subtitle);
  g_autofree char *label = NULL;
  gboolean first_of_day = TRUE;
  gboolean checkin = entry->kind == LIMBER_JOURNAL_ENTRY_CHECKIN;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(LimberHistoryItem) before = g_list_model_get_item (G_LIST_MODEL (factory->list), position - 1);

      if (before != NULL)
        first_of_day = !same_day (entry_time (limber_history_item_get_entry (before)), entry_time (entry));
    }
  gtk_widget_set_visible (heading, first_of_day);
  if (first_of_day)
    {
      g_autofree char *day = limber_history_list_describe_day (factory->list, entry_time (entry));

      gtk_label_set_label (GTK_LABEL (heading), day);
    }

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"), entry_icon (entry));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_widget_set_tooltip_text (delete, checkin ? _("Delete Check-In") : _("Delete Session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  checkin ? _("Delete check-in") : _("Delete session"), -1);

  /* what a screen reader says on the row: the day, then the entry */
  {
    g_autofree char *day = limber_history_list_describe_day (factory->list, entry_time (entry));

    label = g_strdup_printf ("%s, %s, %s", day, title, subtitle);
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}

/**
 * limber_history_list_new_factory:
 * @on_delete: called when a row's delete button is clicked
 *
 * Returns: (transfer full): a factory for a GtkListView of @self
 */
GtkListItemFactory *
limber_history_list_new_factory (LimberHistoryList     *self,
                                 LimberHistoryListFunc  on_delete,
                                 gpointer               user_data)
{
  GtkListItemFactory *signal_factory = gtk_signal_list_item_factory_new ();
  Factory *factory = g_new0 (Factory, 1);

  factory->list = self;
  factory->on_delete = on_delete;
  factory->user_data = user_data;
  g_signal_connect (signal_factory, "setup", G_CALLBACK (setup_row), factory);
  g_signal_connect (signal_factory, "bind", G_CALLBACK (bind_row), factory);
  g_object_set_data_full (G_OBJECT (signal_factory), "limber-factory", factory, g_free);
  return signal_factory;
}

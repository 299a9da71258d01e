/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

/* The window's Learn page (win.learn, F1) and win.show-routine, which its
 * links use.
 *
 * Learn is a leaflet page that can be opened from any other, so it is put
 * right after the page it was opened from: Back (and Escape, Alt+Left or a
 * swipe) returns there. It stays in the way back while the person goes on
 * from it (to a routine, or the player), and leaves it once they go back
 * past it, so that the routine page opened later from the list still goes
 * back to the list. */

#include <glib/gi18n.h>

#include "limber-check.h"
#include "limber-learn-page.h"
#include "limber-window-private.h"

static guint
page_position (LimberWindow *self,
               GtkWidget    *child)
{
  g_autoptr(GtkSelectionModel) pages = adw_leaflet_get_pages (self->leaflet);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_leaflet_page_get_child (page) == child)
        return i;
    }
  g_assert_not_reached ();
}

static void
on_visible_child_changed (LimberWindow *self)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  AdwLeafletPage *page = adw_leaflet_get_page (self->leaflet, self->learn_page);

  if (visible != self->learn_page &&
      page_position (self, visible) < page_position (self, self->learn_page))
    adw_leaflet_page_set_navigatable (page, FALSE);
}

static GtkWidget *
ensure_learn_page (LimberWindow *self)
{
  AdwLeafletPage *page;

  if (self->learn_page != NULL)
    return self->learn_page;

  self->learn_page = limber_learn_page_new ();
  page = adw_leaflet_append (self->leaflet, self->learn_page);
  adw_leaflet_page_set_name (page, "learn");
  adw_leaflet_page_set_navigatable (page, FALSE);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed), self, G_CONNECT_SWAPPED);
  return self->learn_page;
}

static void
learn_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *from = adw_leaflet_get_visible_child (self->leaflet);
  GtkWidget *page = ensure_learn_page (self);

  if (from == page)
    return;
  /* a routine in progress is left through Stop, not by reading */
  if (self->player_view != NULL && from == GTK_WIDGET (self->player_view) &&
      limber_player_view_get_player (self->player_view) != NULL)
    return;

  adw_leaflet_reorder_child_after (self->leaflet, page, from);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, page), TRUE);
  adw_leaflet_set_visible_child (self->leaflet, page);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_routine_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  LimberRoutine *routine = limber_catalog_lookup_routine (self->catalog, id);

  if (routine != NULL)
    limber_window_show_routine (self, routine);
  else
    limber_window_show_error (self, _("No Such Routine"),
                              /* Translators: %s is a routine id */
                              _("There is no routine called “%s”."), id);
}

/* The manual (help/, Mallard, shown by the desktop's help viewer). Without
 * a viewer for help: URIs (yelp is not installed), the window says so and
 * opens the Learn page instead, so that F1 always shows something. */
static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LimberWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  g_message ("Could not open the manual: %s", error->message);
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.learn", NULL);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The manual needs the Help app (yelp), which is not installed")));
}

static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *page = param != NULL ? g_variant_get_string (param, NULL) : "";
  g_autofree char *uri = NULL;

  /* only the manual's own page ids, never text from elsewhere in a URI */
  if (*page != '\0' && !limber_check_is_id (page))
    page = "";
  uri = *page != '\0' ? g_strdup_printf ("help:limber/%s", page) : g_strdup ("help:limber");
  gtk_show_uri_full (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME, NULL, help_shown, g_object_ref (widget));
}

void
_limber_window_learn_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (LIMBER_TYPE_LEARN_PAGE);

  gtk_widget_class_install_action (widget_class, "win.learn", NULL, learn_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_install_action (widget_class, "win.help-page", "s", help_action);
  /* F1 is the manual, as in every GNOME app; Learn is in the main menu and
   * one link away from the manual's pages */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-routine", "s", show_routine_action);
}

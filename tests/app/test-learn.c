/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Learn page as a person uses it: F1 or the menu opens it, its
 * sections come in order under real headings, each way of looking after
 * the hamstrings opens the part of Limber that does it, Back and Escape
 * return, and it reflows on a phone at large text, light and dark. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-learn-page.h"
#include "limber-player-view.h"
#include "limber-preferences-window.h"
#include "limber-routine-page.h"
#include "limber-window.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *window;

static const char * const section_headings[] = {
  "What Trigger Points Are",
  "How They Can Feel",
  "What Can Bring Them On",
  "Related Conditions",
  "What a Professional May Offer",
  "Looking After Your Hamstrings",
  "When to See a Professional",
};

static AdwLeaflet *
leaflet (void)
{
  return limber_test_child (window, "leaflet");
}

static GtkWidget *
visible_page (void)
{
  return adw_leaflet_get_visible_child (leaflet ());
}

static GtkWidget *
learn_page (void)
{
  return adw_leaflet_get_child_by_name (leaflet (), "learn");
}

static void
settle_leaflet (void)
{
  WAIT_FOR (!adw_leaflet_get_child_transition_running (leaflet ()));
}

/* The action a key runs on @widget, from its class's key bindings. */
static char *
binding_action (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
open_learn (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.learn", NULL);
  WAIT_FOR (learn_page () != NULL && visible_page () == learn_page ());
  settle_leaflet ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
go_back (const char *from)
{
  GtkWidget *page = visible_page ();

  gtk_widget_activate_action (page, from, NULL);
  WAIT_FOR (visible_page () != page);
  settle_leaflet ();
}

/* Every widget below @widget, in reading order. */
static void
collect (GtkWidget *widget,
         GPtrArray *into)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      g_ptr_array_add (into, child);
      collect (child, into);
    }
}

/* A widget of the page's template, by its id (most are not bound: the
 * page itself has no need of them). */
static gpointer
page_child (const char *id)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (learn_page (), all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (g_ptr_array_index (all, i)), id) == 0)
      return g_ptr_array_index (all, i);
  g_error ("no %s on the Learn page", id);
}

static GPtrArray *
headings (int level)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect (learn_page (), all);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (all, i);
      g_autofree char *other_level = NULL;

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_HEADING)
        continue;
      g_assert_true (GTK_IS_LABEL (widget));
      /* the level the template gives, as a screen reader is told it */
      other_level = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LEVEL, level);
      if (other_level == NULL)
        g_ptr_array_add (found, widget);
    }
  return found;
}

/* Whether @model, or a section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* F1 with no help viewer on the computer (yelp is not a dependency): the
 * window says why and opens Learn, rather than doing nothing. */
static void
test_manual_missing (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");

  if (viewer != NULL)
    {
      g_test_skip ("a help viewer is installed here; it would open");
      return;
    }
  if (learn_page () != NULL && visible_page () == learn_page ())
    {
      adw_leaflet_navigate (leaflet (), ADW_NAVIGATION_DIRECTION_BACK);
      settle_leaflet ();
    }
  g_assert_true (visible_page () != learn_page ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL);
  WAIT_FOR (learn_page () != NULL && visible_page () == learn_page ());
  settle_leaflet ();
  WAIT_FOR (has_label (GTK_WIDGET (window), "The manual needs the Help app (yelp), which is not installed"));
}

static void
test_open (void)
{
  g_autofree char *f1 = binding_action (GTK_WIDGET (window), GDK_KEY_F1);
  g_autoptr(GtkBuilder) overlay = gtk_builder_new_from_resource ("/io/github/limber/Limber/gtk/help-overlay.ui");
  GtkMenuButton *menu_button = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  gboolean listed = FALSE;

  /* F1 is the manual; Learn is in the main menu */
  g_assert_cmpstr (f1, ==, "win.help");
  /* in the main menu */
  collect (GTK_WIDGET (window), all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (g_ptr_array_index (all, i)), "primary_menu_button") == 0)
      menu_button = g_ptr_array_index (all, i);
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.learn"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.help"));
  /* and in the keyboard shortcuts */
  for (GSList *l = gtk_builder_get_objects (overlay); l != NULL; l = g_slist_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        listed |= g_strcmp0 (accelerator, "F1") == 0;
      }
  g_assert_true (listed);

  open_learn ();
  g_assert_true (LIMBER_IS_LEARN_PAGE (learn_page ()));
  /* the focus moves into the page, so that Escape and Tab work there */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), learn_page ()));
  limber_test_screenshot (GTK_WIDGET (window), "learn-900x700.png");
}

static void
test_headings (void)
{
  g_autoptr(GPtrArray) title = headings (1);
  g_autoptr(GPtrArray) sections = headings (2);
  g_autoptr(GPtrArray) tips = headings (3);

  g_assert_cmpuint (title->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (title, 0)), ==, "Hamstring Trigger Points");
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (section_headings));
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (sections, i)), ==, section_headings[i]);
  /* warm up, stretch, lift, posture and sitting */
  g_assert_cmpuint (tips->len, ==, 4);
}

static GtkWidget *
learn_link (const char *name)
{
  GtkWidget *button = page_child (name);
  g_autofree char *label_name = g_strconcat (name, "_label", NULL);
  GtkWidget *label = page_child (label_name);

  g_assert_true (GTK_IS_BUTTON (button));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (label))), >, 8);
  return button;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static void
stop_routine (const char *id)
{
  LimberPlayerView *view = limber_window_get_player_view (LIMBER_WINDOW (window));

  WAIT_FOR (visible_page () == GTK_WIDGET (view));
  g_assert_nonnull (limber_player_view_get_player (view));
  g_assert_cmpstr (limber_routine_get_id (limber_player_get_routine (limber_player_view_get_player (view))), ==, id);
  settle_leaflet ();
  /* at once: nothing to ask */
  gtk_widget_activate_action (GTK_WIDGET (view), "player.stop", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "player.done", NULL);
  WAIT_FOR (visible_page () != GTK_WIDGET (view));
  settle_leaflet ();
}

static void
test_links (void)
{
  GtkWidget *routine_page = limber_test_child (window, "routine_page");
  GtkWidget *programs;
  LimberPreferencesWindow *prefs;

  open_learn ();

  /* Warm up: the warm-up starts; after it, Back leads to Learn again */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (learn_link ("warm_up_button"))), ==, "win.start-routine");
  click (learn_link ("warm_up_button"));
  stop_routine ("pre-run-warm-up");
  g_assert_true (visible_page () == routine_page);
  go_back ("routine.back");
  g_assert_true (visible_page () == learn_page ());

  /* Stretch: a routine's page, and back */
  click (learn_link ("stretch_button"));
  WAIT_FOR (visible_page () == routine_page);
  g_assert_cmpstr (limber_routine_get_id (limber_routine_page_get_routine (LIMBER_ROUTINE_PAGE (routine_page))),
                   ==, "morning-hamstrings");
  settle_leaflet ();
  go_back ("routine.back");
  g_assert_true (visible_page () == learn_page ());

  /* Programs are another page's work: without win.show-programs the link
   * is not shown at all; with it, it is shown and works */
  programs = learn_link ("programs_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (programs)), ==, "win.show-programs");
  g_assert_true (gtk_widget_get_visible (programs) == gtk_widget_get_sensitive (programs));
  if (!gtk_widget_get_visible (programs))
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-programs", NULL));

  /* Posture and sitting: a desk break, and break reminders */
  click (learn_link ("desk_break_button"));
  stop_routine ("desk-break");
  go_back ("routine.back");
  g_assert_true (visible_page () == learn_page ());

  click (learn_link ("reminders_button"));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) != NULL);
  prefs = LIMBER_PREFERENCES_WINDOW (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW));
  gtk_window_close (GTK_WINDOW (prefs));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_PREFERENCES_WINDOW) == NULL);
  g_assert_true (visible_page () == learn_page ());
}

static void
test_back (void)
{
  GtkWidget *main_page = adw_leaflet_get_child_by_name (leaflet (), "routines");
  GtkWidget *routine_page = limber_test_child (window, "routine_page");
  g_autofree char *escape = NULL;

  open_learn ();
  escape = binding_action (learn_page (), GDK_KEY_Escape);
  g_assert_cmpstr (escape, ==, "learn.back");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (page_child ("back_button"))),
                   ==, "learn.back");
  go_back ("learn.back");
  g_assert_true (visible_page () == main_page);

  /* a routine opened from the list afterwards goes back to the list */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routine", "s", "desk-break");
  WAIT_FOR (visible_page () == routine_page);
  settle_leaflet ();
  go_back ("routine.back");
  g_assert_true (visible_page () == main_page);

  /* opened from a routine's page, Learn goes back to it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routine", "s", "desk-break");
  WAIT_FOR (visible_page () == routine_page);
  settle_leaflet ();
  open_learn ();
  go_back ("learn.back");
  g_assert_true (visible_page () == routine_page);
  go_back ("routine.back");
  g_assert_true (visible_page () == main_page);

  /* not in the middle of a routine: that is left through Stop */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", "s", "desk-break");
  WAIT_FOR (visible_page () == GTK_WIDGET (limber_window_get_player_view (LIMBER_WINDOW (window))));
  settle_leaflet ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.learn", NULL);
  limber_test_settle ();
  g_assert_true (visible_page () == GTK_WIDGET (limber_window_get_player_view (LIMBER_WINDOW (window))));
  stop_routine ("desk-break");
  go_back ("routine.back");
  g_assert_true (visible_page () == main_page);
}

/* The window's size on screen: without a compositor GTK draws a thin
 * frame of its own inside it, which is not content. */
static void
resize (int width,
        int height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  gtk_window_set_default_size (window, width, height);
  for (int i = 0; i < 200; i++)
    {
      if (gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height)
        break;
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Nothing on the page reaches past its sides, and the page is no wider
 * than the window. (The header bar is measured against the window's frame:
 * without a compositor GTK draws the frame itself, a pixel off.) */
static void
assert_fits (const char *where)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GtkWidget *scroller = page_child ("scroller");
  int width = gtk_widget_get_width (scroller);

  g_assert_cmpint (gtk_widget_get_width (learn_page ()), <=,
                   gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))));
  g_assert_cmpint (width, ==, gtk_widget_get_width (learn_page ()));
  /* the content, not the scroll bar, which overlays it */
  collect (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), all);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (all, i);
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (widget))
        continue;
      g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5)
        g_error ("%s: a %s is at x %.0f, %.0f wide, outside the %d px page", where,
                 G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.size.width, width);
    }
}

/* Scrolls the page so that @heading is at the top. */
static void
scroll_to (const char *heading)
{
  GtkScrolledWindow *scroller = page_child ("scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(GPtrArray) sections = headings (2);

  for (guint i = 0; i < sections->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (sections, i);
      graphene_point_t point;

      if (!g_str_equal (gtk_label_get_label (GTK_LABEL (label)), heading))
        continue;
      g_assert_true (gtk_widget_compute_point (label, gtk_scrolled_window_get_child (scroller),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, point.y - 12);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      return;
    }
  g_assert_not_reached ();
}

static void
look (int         width,
      int         height,
      const char *scale,
      const char *theme)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *where = g_strdup_printf ("%d×%d, text %s, %s", width, height, scale, theme);
  g_autofree char *top = g_strdup_printf ("learn-%dx%d-%s-%s.png", width, height, scale, theme);
  g_autofree char *prevention = g_strdup_printf ("learn-%dx%d-%s-%s-prevention.png", width, height, scale, theme);
  g_autofree char *end = g_strdup_printf ("learn-%dx%d-%s-%s-end.png", width, height, scale, theme);
  GtkScrolledWindow *scroller = page_child ("scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi",
                g_str_equal (scale, "1.5x") ? 96 * 1024 * 3 / 2 : 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (style, g_str_equal (theme, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
  resize (width, height);
  gtk_adjustment_set_value (adjustment, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_fits (where);
  limber_test_screenshot (GTK_WIDGET (window), top);
  scroll_to ("Looking After Your Hamstrings");
  limber_test_screenshot (GTK_WIDGET (window), prevention);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  limber_test_screenshot (GTK_WIDGET (window), end);
}

static void
test_layout (void)
{
  open_learn ();
  look (360, 640, "1.5x", "light");
  look (360, 640, "1.5x", "dark");
  look (360, 640, "1x", "light");
  look (360, 640, "1x", "dark");
  look (1280, 800, "1x", "light");
  look (1280, 800, "1x", "dark");

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  resize (900, 700);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-learn-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIMBER_IS_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_test_add_func ("/learn/open", test_open);
  g_test_add_func ("/learn/manual-missing", test_manual_missing);
  g_test_add_func ("/learn/headings", test_headings);
  g_test_add_func ("/learn/links", test_links);
  g_test_add_func ("/learn/back", test_back);
  g_test_add_func ("/learn/layout", test_layout);

  status = g_test_run ();

  gtk_window_destroy (window);
  g_object_unref (app);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 0–10 rating control as a person uses it: unset at first, the keys
 * (through the widget's own key bindings), a click, right-to-left, one Tab
 * stop, what assistive technologies are told, and how it fits a narrow
 * window at large text. Then the check-in form built on it: nothing is
 * saved until pain and stiffness are both chosen, and a pain carried over
 * from the end of a routine shows and is saved. */
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-checkin-dialog.h"
#include "limber-rating.h"
#include "test-utils.h"

static LimberApplication *app;
static GtkWindow *main_window;
static LimberJournal *journal;

#define LARGE_TEXT_DPI (96 * 1024 * 3 / 2)

/* The shortcut bound to @keyval (no modifiers) among @widget's
 * controllers, which is where the class's key bindings live. */
static GtkShortcut *
find_shortcut (GtkWidget *widget,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return shortcut;   /* the controller keeps it */
        }
    }
  return NULL;
}

/* Presses @keyval as the widget's key handling would: finds its binding and
 * runs that. Fails if the key is not bound. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkShortcut *shortcut = find_shortcut (widget, keyval);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               widget,
                                               gtk_shortcut_get_arguments (shortcut)));
}

static void
press (LimberRating *rating,
       guint         keyval)
{
  press_key (GTK_WIDGET (rating), keyval);
}

/* The number @n, as drawn. */
static GtkWidget *
tile (LimberRating *rating,
      int           n)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (rating)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && n-- == 0)
      return c;
  g_assert_not_reached ();
}

static void
assert_value (LimberRating *rating,
              int           value,
              const char   *text)
{
  g_assert_cmpint (limber_rating_get_value (rating), ==, value);
  if (value < 0)
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (rating),
                                                      GTK_ACCESSIBLE_PROPERTY_VALUE_NOW));
  else
    gtk_test_accessible_assert_property (rating, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) value);
  gtk_test_accessible_assert_property (rating, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text);
}

static GtkWindow *
window_with (GtkWidget *child,
             int        width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new ("How do your hamstrings feel now?");

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), child);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_window_set_child (window, box);
  gtk_window_set_default_size (window, width, -1);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* Nobody chose anything yet, and it says so. */
static void
test_unset (void)
{
  LimberRating *rating = LIMBER_RATING (g_object_ref_sink (limber_rating_new ()));

  gtk_test_accessible_assert_role (rating, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (rating, GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0);
  gtk_test_accessible_assert_property (rating, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 10.0);
  assert_value (rating, -1, "Not chosen");
  g_object_unref (rating);
}

/* Each key the documentation promises, with the ends named. */
static void
test_keys (void)
{
  LimberRating *rating = LIMBER_RATING (limber_rating_new ());
  GtkWindow *window = window_with (GTK_WIDGET (rating), 480);
  guint notified = 0;

  limber_rating_set_low_label (rating, "no discomfort");
  limber_rating_set_high_label (rating, "worst imaginable");
  g_signal_connect (rating, "notify::value", G_CALLBACK (on_notify), &notified);
  gtk_widget_grab_focus (GTK_WIDGET (rating));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rating)));

  /* from unset, a step starts at 0 whichever way it goes */
  press (rating, GDK_KEY_Right);
  assert_value (rating, 0, "0 of 10, no discomfort");
  press (rating, GDK_KEY_Right);
  assert_value (rating, 1, "1 of 10");
  press (rating, GDK_KEY_Up);
  assert_value (rating, 2, "2 of 10");
  press (rating, GDK_KEY_Left);
  press (rating, GDK_KEY_Down);
  assert_value (rating, 0, "0 of 10, no discomfort");
  g_assert_cmpuint (notified, ==, 5);

  /* clamped at 0: no change, no notification */
  press (rating, GDK_KEY_Left);
  press (rating, GDK_KEY_Down);
  assert_value (rating, 0, "0 of 10, no discomfort");
  g_assert_cmpuint (notified, ==, 5);

  press (rating, GDK_KEY_End);
  assert_value (rating, 10, "10 of 10, worst imaginable");
  press (rating, GDK_KEY_Right);
  press (rating, GDK_KEY_Up);
  assert_value (rating, 10, "10 of 10, worst imaginable");
  g_assert_cmpuint (notified, ==, 6);
  press (rating, GDK_KEY_Home);
  assert_value (rating, 0, "0 of 10, no discomfort");

  for (guint d = 0; d <= 9; d++)
    {
      g_autofree char *text = g_strdup_printf (d == 0 ? "%u of 10, no discomfort" : "%u of 10", d);

      limber_rating_set_value (rating, 10);
      press (rating, GDK_KEY_0 + d);
      assert_value (rating, d, text);
      limber_rating_set_value (rating, 10);
      press (rating, GDK_KEY_KP_0 + d);
      assert_value (rating, d, text);
    }

  /* from unset the other way round, too */
  limber_rating_set_value (rating, LIMBER_RATING_UNSET);
  assert_value (rating, -1, "Not chosen");
  press (rating, GDK_KEY_Left);
  assert_value (rating, 0, "0 of 10, no discomfort");
  limber_rating_set_value (rating, LIMBER_RATING_UNSET);
  press (rating, GDK_KEY_Down);
  assert_value (rating, 0, "0 of 10, no discomfort");

  /* the same through the installed actions, as the player may use them */
  {
    /* GTK 4.8 does not sink the parameter: hold it ourselves */
    g_autoptr(GVariant) seven = g_variant_ref_sink (g_variant_new_int32 (7));

    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (rating), "rating.choose", seven));
  }
  assert_value (rating, 7, "7 of 10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (rating), "rating.step", "i", -1));
  assert_value (rating, 6, "6 of 10");

  /* setting the same value again is no change */
  notified = 0;
  limber_rating_set_value (rating, 6);
  g_object_set (rating, "value", 6, NULL);
  g_assert_cmpuint (notified, ==, 0);

  gtk_window_destroy (window);
}

/* Arrows follow the text: in a right-to-left locale 0 is on the right. */
static void
test_rtl (void)
{
  LimberRating *rating = LIMBER_RATING (limber_rating_new ());
  GtkWindow *window;
  GtkWidget *zero, *one;
  graphene_rect_t b0, b1;

  gtk_widget_set_direction (GTK_WIDGET (rating), GTK_TEXT_DIR_RTL);
  window = window_with (GTK_WIDGET (rating), 900);

  zero = tile (rating, 0);
  one = tile (rating, 1);
  g_assert_true (gtk_widget_compute_bounds (zero, GTK_WIDGET (rating), &b0));
  g_assert_true (gtk_widget_compute_bounds (one, GTK_WIDGET (rating), &b1));
  g_assert_cmpfloat (b1.origin.x, <, b0.origin.x);

  limber_rating_set_value (rating, 5);
  press (rating, GDK_KEY_Left);
  g_assert_cmpint (limber_rating_get_value (rating), ==, 6);
  press (rating, GDK_KEY_Right);
  press (rating, GDK_KEY_Right);
  g_assert_cmpint (limber_rating_get_value (rating), ==, 4);
  /* Up is up in every direction */
  press (rating, GDK_KEY_Up);
  g_assert_cmpint (limber_rating_get_value (rating), ==, 5);

  gtk_window_destroy (window);
}

/* A click on a number chooses it and focuses the control. */
static void
test_click (void)
{
  LimberRating *rating = LIMBER_RATING (limber_rating_new ());
  GtkWindow *window = window_with (GTK_WIDGET (rating), 480);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (rating));
  GtkGesture *click = NULL;
  GtkWidget *seven = tile (rating, 7);
  graphene_rect_t bounds;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  g_assert_true (gtk_widget_compute_bounds (seven, GTK_WIDGET (rating), &bounds));
  g_signal_emit_by_name (click, "pressed", 1,
                         (double) bounds.origin.x + bounds.size.width / 2,
                         (double) bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpint (limber_rating_get_value (rating), ==, 7);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rating)));
  g_assert_true (gtk_widget_get_state_flags (seven) & GTK_STATE_FLAG_CHECKED);

  /* between the tiles is no choice */
  g_signal_emit_by_name (click, "pressed", 1,
                         (double) bounds.origin.x - 2, (double) bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpint (limber_rating_get_value (rating), ==, 7);

  gtk_window_destroy (window);
}

/* One Tab stop: the control takes focus, its numbers never do, and Tab
 * leaves it at once. The numbers are hidden from assistive technologies. */
static void
test_one_tab_stop (void)
{
  LimberRating *rating = LIMBER_RATING (limber_rating_new ());
  GtkWindow *window = window_with (GTK_WIDGET (rating), 480);
  guint n = 0;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (rating)));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (rating)); c; c = gtk_widget_get_next_sibling (c))
    {
      g_assert_false (gtk_widget_get_focusable (c));
      gtk_test_accessible_assert_state (c, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
      n += GTK_IS_LABEL (c);
    }
  g_assert_cmpuint (n, ==, 11);

  gtk_window_set_focus (window, NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (rating), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rating)));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (rating), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (rating), GTK_DIR_TAB_BACKWARD));

  gtk_window_destroy (window);
}

/* The tiles' rows, checked for overlap and for staying inside. */
static guint
count_rows (LimberRating *rating)
{
  double last_y = -1;
  guint rows = 0;
  graphene_rect_t previous = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (rating)); c; c = gtk_widget_get_next_sibling (c))
    {
      graphene_rect_t b;

      if (!GTK_IS_LABEL (c))
        continue;
      g_assert_true (gtk_widget_compute_bounds (c, GTK_WIDGET (rating), &b));
      g_assert_cmpfloat (b.origin.x, >=, 0);
      g_assert_cmpfloat (b.origin.x + b.size.width, <=, gtk_widget_get_width (GTK_WIDGET (rating)));
      g_assert_cmpfloat (b.origin.y + b.size.height, <=, gtk_widget_get_height (GTK_WIDGET (rating)));
      g_assert_false (graphene_rect_intersection (&b, &previous, NULL));
      if (b.origin.y != last_y)
        rows++;
      last_y = b.origin.y;
      previous = b;
    }
  return rows;
}

/* At 360 px and 900 px, light and dark, normal and large text. */
static void
test_sizes (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint scale = 0; scale < 2; scale++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint w = 0; w < 2; w++)
        {
          int width = w == 0 ? 360 : 900;
          LimberRating *rating = LIMBER_RATING (limber_rating_new ());
          GtkWindow *window;
          g_autofree char *name = g_strdup_printf ("rating-%d%s%s.png", width,
                                                   scale ? "-large" : "", dark ? "-dark" : "");
          guint rows;

          g_object_set (settings, "gtk-xft-dpi", scale ? LARGE_TEXT_DPI : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          limber_rating_set_low_label (rating, "no discomfort");
          window = window_with (GTK_WIDGET (rating), width);
          limber_rating_set_value (rating, 3);
          gtk_widget_grab_focus (GTK_WIDGET (rating));
          /* as after a key press, so that the pictures show the focus */
          gtk_window_set_focus_visible (window, TRUE);
          limber_test_screenshot (GTK_WIDGET (window), name);

          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
          rows = count_rows (rating);
          g_test_message ("%s: %u rows", name, rows);
          /* one row whenever it fits; at 360 px and large text it wraps */
          if (width == 900 || !scale)
            g_assert_cmpuint (rows, ==, 1);
          else
            g_assert_cmpuint (rows, ==, 2);
          gtk_window_destroy (window);
        }

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static GPtrArray *
list_checkins (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = limber_journal_list_checkins (journal, NULL, NULL, &error);

  g_assert_no_error (error);
  return all;
}

static guint
count_checkins (void)
{
  g_autoptr(GPtrArray) all = list_checkins ();

  return all->len;
}

/* The newest check-in in the journal. */
static LimberCheckin *
last_checkin (void)
{
  g_autoptr(GPtrArray) all = list_checkins ();

  g_assert_cmpuint (all->len, >, 0);
  return limber_checkin_copy (g_ptr_array_index (all, all->len - 1));
}

static LimberCheckinDialog *
open_form (void)
{
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.check-in", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) != NULL);
  return LIMBER_CHECKIN_DIALOG (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG));
}

static void
save_form (LimberCheckinDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
}

static const char *
label_text (LimberCheckinDialog *dialog,
            const char          *name)
{
  return gtk_label_get_label (limber_test_child (dialog, name));
}

/* An untouched form records nothing, and certainly not "no pain". */
static void
test_form_untouched (void)
{
  LimberCheckinDialog *dialog = open_form ();
  LimberRating *pain = limber_test_child (dialog, "pain_rating");
  LimberRating *stiffness = limber_test_child (dialog, "stiffness_rating");
  GtkWidget *save = limber_test_child (dialog, "save_button");
  guint before = count_checkins ();

  assert_value (pain, -1, "Not chosen");
  assert_value (stiffness, -1, "Not chosen");
  g_assert_cmpstr (label_text (dialog, "pain_value_label"), ==, "Not chosen");
  g_assert_cmpstr (label_text (dialog, "stiffness_value_label"), ==, "Not chosen");
  g_assert_false (gtk_widget_get_visible (limber_test_child (dialog, "pain_prefill_label")));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (pain)));
  gtk_test_accessible_assert_relation (pain, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       limber_test_child (dialog, "pain_label"), NULL);
  gtk_test_accessible_assert_relation (stiffness, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       limber_test_child (dialog, "stiffness_label"), NULL);

  /* Tab goes from one rating straight to the next: no stop on the row */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (stiffness)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (pain)));

  WAIT_FOR (!gtk_widget_is_sensitive (save));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Choose pain and stiffness to save");

  /* neither the button's action (Ctrl+Enter too) nor the call saves */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.save", NULL);
  limber_test_settle ();
  g_assert_true (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == GTK_WINDOW (dialog));
  g_assert_false (limber_checkin_dialog_save (dialog));
  g_assert_true (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpuint (count_checkins (), ==, before);

  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  g_assert_cmpuint (count_checkins (), ==, before);
}

/* Save needs both; what is saved is exactly what was chosen, 0 included. */
static void
test_form_both_needed (void)
{
  LimberCheckinDialog *dialog = open_form ();
  LimberRating *pain = limber_test_child (dialog, "pain_rating");
  LimberRating *stiffness = limber_test_child (dialog, "stiffness_rating");
  GtkWidget *save = limber_test_child (dialog, "save_button");
  g_autoptr(LimberCheckin) saved = NULL;
  guint before = count_checkins ();

  press (pain, GDK_KEY_End);
  press (pain, GDK_KEY_Left);
  g_assert_cmpstr (label_text (dialog, "pain_value_label"), ==, "9 of 10");
  limber_test_settle ();
  g_assert_false (gtk_widget_is_sensitive (save));

  /* stiffness alone is not enough either */
  limber_rating_set_value (pain, LIMBER_RATING_UNSET);
  press (stiffness, GDK_KEY_0);
  limber_test_settle ();
  g_assert_false (gtk_widget_is_sensitive (save));

  press (pain, GDK_KEY_9);
  WAIT_FOR (gtk_widget_is_sensitive (save));
  g_assert_cmpstr (label_text (dialog, "stiffness_value_label"), ==, "0 of 10");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Save (Ctrl+Enter)");

  save_form (dialog);
  g_assert_cmpuint (count_checkins (), ==, before + 1);
  saved = last_checkin ();
  g_assert_cmpint (saved->pain, ==, 9);
  g_assert_cmpint (saved->stiffness, ==, 0);
}

/* A pain carried over from the end of a routine shows, says so, and is
 * saved; stiffness still has to be chosen. */
static void
test_form_initial_pain (void)
{
  LimberCheckinDialog *dialog = LIMBER_CHECKIN_DIALOG (limber_checkin_dialog_new (main_window, journal, NULL));
  LimberRating *pain = limber_test_child (dialog, "pain_rating");
  LimberRating *stiffness = limber_test_child (dialog, "stiffness_rating");
  GtkWidget *prefill = limber_test_child (dialog, "pain_prefill_label");
  GtkWidget *save = limber_test_child (dialog, "save_button");
  g_autoptr(LimberCheckin) saved = NULL;

  limber_checkin_dialog_set_initial_pain (dialog, 4);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  assert_value (pain, 4, "4 of 10");
  assert_value (stiffness, -1, "Not chosen");
  g_assert_cmpstr (label_text (dialog, "pain_value_label"), ==, "4 of 10");
  g_assert_true (gtk_widget_get_visible (prefill));
  gtk_test_accessible_assert_relation (pain, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, prefill, NULL);
  g_assert_false (gtk_widget_is_sensitive (save));
  limber_test_screenshot (GTK_WIDGET (dialog), "check-in-initial-pain.png");

  /* changed, it is the person's own choice and no longer "from the routine" */
  press (pain, GDK_KEY_Right);
  g_assert_false (gtk_widget_get_visible (prefill));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (pain), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
  press (pain, GDK_KEY_Left);
  g_assert_true (gtk_widget_get_visible (prefill));

  press (stiffness, GDK_KEY_7);
  WAIT_FOR (gtk_widget_is_sensitive (save));
  save_form (dialog);
  saved = last_checkin ();
  g_assert_cmpint (saved->pain, ==, 4);
  g_assert_cmpint (saved->stiffness, ==, 7);

  /* -1 is "no rating to carry over" */
  dialog = LIMBER_CHECKIN_DIALOG (limber_checkin_dialog_new (main_window, journal, NULL));
  limber_checkin_dialog_set_initial_pain (dialog, 6);
  limber_checkin_dialog_set_initial_pain (dialog, LIMBER_RATING_UNSET);
  assert_value (limber_test_child (dialog, "pain_rating"), -1, "Not chosen");
  g_assert_false (gtk_widget_get_visible (limber_test_child (dialog, "pain_prefill_label")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The check-in stored last, whatever its time. */
static LimberCheckin *
newest_checkin (void)
{
  g_autoptr(GPtrArray) all = list_checkins ();
  const LimberCheckin *newest = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      const LimberCheckin *c = g_ptr_array_index (all, i);

      if (newest == NULL || c->id > newest->id)
        newest = c;
    }
  g_assert_nonnull (newest);
  return limber_checkin_copy (newest);
}

static void
choose_when (LimberCheckinDialog *dialog,
             GDateTime           *day,
             int                  hour,
             int                  minute)
{
  gtk_spin_button_set_value (limber_test_child (dialog, "when_year_spin"), g_date_time_get_year (day));
  gtk_spin_button_set_value (limber_test_child (dialog, "when_month_spin"), g_date_time_get_month (day));
  gtk_spin_button_set_value (limber_test_child (dialog, "when_day_spin"), g_date_time_get_day_of_month (day));
  gtk_spin_button_set_value (limber_test_child (dialog, "when_hour_spin"), hour);
  gtk_spin_button_set_value (limber_test_child (dialog, "when_minute_spin"), minute);
}

/* Scrolls the form so that @widget is at the top, for a picture of it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  limber_test_settle ();
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

/* Untouched, the time is "now": the moment Save is pressed. */
static void
test_form_when_now (void)
{
  LimberCheckinDialog *dialog = open_form ();
  g_autoptr(LimberCheckin) saved = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;

  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, "Now");
  g_assert_false (gtk_widget_get_visible (limber_test_child (dialog, "when_error_label")));
  g_assert_false (gtk_widget_get_visible (limber_test_child (dialog, "when_now_button")));
  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 2);
  limber_rating_set_value (limber_test_child (dialog, "stiffness_rating"), 3);
  save_form (dialog);
  after = g_date_time_new_now_local ();

  saved = newest_checkin ();
  g_assert_cmpint (g_date_time_compare (saved->time, before), >=, 0);
  g_assert_cmpint (g_date_time_compare (saved->time, after), <=, 0);
}

/* Yesterday at 09:00, chosen in the popover, is saved with that time; the
 * form opened on it again shows it. */
static void
test_form_when_past (void)
{
  LimberCheckinDialog *dialog = open_form ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(LimberCheckin) saved = NULL;
  g_autoptr(GDateTime) local = NULL;

  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 4);
  limber_rating_set_value (limber_test_child (dialog, "stiffness_rating"), 6);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* the row open and scrolled into view */
  adw_expander_row_set_expanded (limber_test_child (dialog, "when_row"), TRUE);
  choose_when (dialog, yesterday, 9, 0);
  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, "Yesterday, 09:00");
  g_assert_cmpstr (gtk_editable_get_text (limber_test_child (dialog, "when_minute_spin")), ==, "00");
  WAIT_FOR (gtk_widget_is_sensitive (limber_test_child (dialog, "save_button")));
  gtk_widget_grab_focus (limber_test_child (dialog, "when_minute_spin"));
  scroll_to (limber_test_child (dialog, "when_row"));
  limber_test_screenshot (GTK_WIDGET (dialog), "check-in-when-360.png");

  save_form (dialog);
  saved = newest_checkin ();
  local = g_date_time_to_local (saved->time);
  g_assert_cmpint (saved->pain, ==, 4);
  g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (yesterday));
  g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (yesterday));
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 0);

  /* editing shows its time, and keeps it */
  dialog = LIMBER_CHECKIN_DIALOG (limber_checkin_dialog_new (main_window, journal, saved));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, "Yesterday, 09:00");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (limber_test_child (dialog, "when_hour_spin")), ==, 9);
  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 5);
  save_form (dialog);
  {
    g_autoptr(LimberCheckin) edited = newest_checkin ();

    g_assert_cmpint (edited->id, ==, saved->id);
    g_assert_cmpint (edited->pain, ==, 5);
    g_assert_true (g_date_time_equal (edited->time, saved->time));
  }

  /* and "Now" re-dates it */
  dialog = LIMBER_CHECKIN_DIALOG (limber_checkin_dialog_new (main_window, journal, saved));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (limber_test_child (dialog, "when_now_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.when-now", NULL);
  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, "Now");
  save_form (dialog);
  {
    g_autoptr(LimberCheckin) redated = newest_checkin ();
    g_autoptr(GDateTime) after = g_date_time_new_now_local ();

    g_assert_cmpint (redated->id, ==, saved->id);
    g_assert_cmpint (g_date_time_compare (redated->time, now), >=, 0);
    g_assert_cmpint (g_date_time_compare (redated->time, after), <=, 0);
  }
}

/* A time later than now is refused beside the field, and nothing saves. */
static void
test_form_when_future (void)
{
  LimberCheckinDialog *dialog = open_form ();
  GtkWidget *save = limber_test_child (dialog, "save_button");
  GtkWidget *error_label = limber_test_child (dialog, "when_error_label");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  guint before = count_checkins ();

  limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 1);
  limber_rating_set_value (limber_test_child (dialog, "stiffness_rating"), 1);
  WAIT_FOR (gtk_widget_is_sensitive (save));

  choose_when (dialog, tomorrow, 0, 0);
  WAIT_FOR (!gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "not later than now"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), "later than now"));
  g_assert_true (gtk_widget_get_visible (limber_test_child (dialog, "when_error_icon")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save), ==, "Choose a time now or earlier to save");
  adw_expander_row_set_expanded (limber_test_child (dialog, "when_row"), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_widget_grab_focus (limber_test_child (dialog, "when_hour_spin"));
  scroll_to (limber_test_child (dialog, "when_row"));
  limber_test_screenshot (GTK_WIDGET (dialog), "check-in-when-future-360.png");
  g_assert_false (limber_checkin_dialog_save (dialog));
  g_assert_cmpuint (count_checkins (), ==, before);

  /* "Now" puts it right */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkin.when-now", NULL);
  WAIT_FOR (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, "Now");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_FOR (limber_test_find_toplevel (LIMBER_TYPE_CHECKIN_DIALOG) == NULL);
  g_assert_cmpuint (count_checkins (), ==, before);
}

/* At a phone's width and 1.5x text the day is chosen with the keyboard
 * alone: Down in the day's field is the day before, and the fields have
 * names. Nothing in the form is wider than the window. */
static void
test_form_when_keyboard (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LimberCheckinDialog *dialog;
  GtkWidget *day_spin, *month_spin, *year_spin;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(LimberCheckin) saved = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *expected = NULL;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", LARGE_TEXT_DPI, NULL);
  dialog = LIMBER_CHECKIN_DIALOG (limber_checkin_dialog_new (main_window, journal, NULL));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  day_spin = limber_test_child (dialog, "when_day_spin");
  month_spin = limber_test_child (dialog, "when_month_spin");
  year_spin = limber_test_child (dialog, "when_year_spin");
  gtk_test_accessible_assert_property (day_spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Day of the month");
  gtk_test_accessible_assert_property (month_spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Month");
  gtk_test_accessible_assert_property (year_spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Year");
  gtk_test_accessible_assert_property (limber_test_child (dialog, "when_hour_spin"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Hour");

  press (limber_test_child (dialog, "pain_rating"), GDK_KEY_2);
  press (limber_test_child (dialog, "stiffness_rating"), GDK_KEY_3);
  adw_expander_row_set_expanded (limber_test_child (dialog, "when_row"), TRUE);
  g_assert_true (gtk_widget_grab_focus (day_spin));
  if (g_date_time_get_month (yesterday) == g_date_time_get_month (now))
    press_key (day_spin, GDK_KEY_Down);
  else
    {
      /* the 1st: Down in the month, then the month's last day */
      press_key (month_spin, GDK_KEY_Down);
      if (g_date_time_get_year (yesterday) != g_date_time_get_year (now))
        press_key (year_spin, GDK_KEY_Down);
      press_key (day_spin, GDK_KEY_Up);
      while (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (day_spin)) != g_date_time_get_day_of_month (yesterday))
        press_key (day_spin, GDK_KEY_Up);
    }
  expected = g_strdup_printf ("Yesterday, %02d:%02d", g_date_time_get_hour (now), g_date_time_get_minute (now));
  g_assert_cmpstr (adw_expander_row_get_subtitle (limber_test_child (dialog, "when_row")), ==, expected);
  WAIT_FOR (gtk_widget_is_sensitive (limber_test_child (dialog, "save_button")));
  scroll_to (limber_test_child (dialog, "when_row"));
  gtk_window_set_focus_visible (GTK_WINDOW (dialog), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  limber_test_screenshot (GTK_WIDGET (dialog), "check-in-when-keyboard-360-large.png");
  /* the form is no wider than the window (10 px narrower under Xvfb) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  for (const char *name = "when_date_row"; name != NULL;
       name = g_str_equal (name, "when_date_row") ? "when_time_row" : NULL)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (limber_test_child (dialog, name), GTK_WIDGET (dialog), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (dialog)));
    }
  for (GtkWidget *spin = day_spin; spin != NULL; spin = spin == day_spin ? month_spin : spin == month_spin ? year_spin : NULL)
    {
      graphene_rect_t bounds;
      int min;

      g_assert_true (gtk_widget_compute_bounds (spin, GTK_WIDGET (dialog), &bounds));
      gtk_widget_measure (spin, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpfloat (bounds.size.width, >=, min);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (dialog)));
    }

  save_form (dialog);
  saved = newest_checkin ();
  local = g_date_time_to_local (saved->time);
  g_assert_cmpint (saved->pain, ==, 2);
  g_assert_cmpint (g_date_time_get_year (local), ==, g_date_time_get_year (yesterday));
  g_assert_cmpint (g_date_time_get_day_of_year (local), ==, g_date_time_get_day_of_year (yesterday));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* The form at 360 px and 900 px, light and dark, normal and large text:
 * pain chosen, stiffness not yet. */
static void
test_form_sizes (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  for (guint scale = 0; scale < 2; scale++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint w = 0; w < 2; w++)
        {
          int width = w == 0 ? 360 : 900;
          GtkWidget *dialog = limber_checkin_dialog_new (main_window, journal, NULL);
          g_autofree char *name = g_strdup_printf ("check-in-%d%s%s.png", width,
                                                   scale ? "-large" : "", dark ? "-dark" : "");
          const char *ratings[] = { "pain_rating", "stiffness_rating" };

          g_object_set (settings, "gtk-xft-dpi", scale ? LARGE_TEXT_DPI : 96 * 1024, NULL);
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          limber_rating_set_value (limber_test_child (dialog, "pain_rating"), 3);
          gtk_window_set_default_size (GTK_WINDOW (dialog), width, 640);
          gtk_window_present (GTK_WINDOW (dialog));
          gtk_window_set_focus_visible (GTK_WINDOW (dialog), TRUE);
          limber_test_screenshot (dialog, name);

          /* under Xvfb without a window manager a dialog comes out 10 px
           * narrower than asked, as the history pictures do */
          g_assert_cmpint (gtk_widget_get_width (dialog), <=, width);
          g_assert_cmpint (gtk_widget_get_width (dialog), >=, width - 10);
          for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
            {
              GtkWidget *rating = limber_test_child (dialog, ratings[i]);
              graphene_rect_t bounds;
              guint rows = count_rows (LIMBER_RATING (rating));

              g_assert_true (gtk_widget_compute_bounds (rating, dialog, &bounds));
              g_assert_cmpfloat (bounds.origin.x, >=, 0);
              g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (dialog));
              g_test_message ("%s: %s in %u rows", name, ratings[i], rows);
              if (width == 900)
                g_assert_cmpuint (rows, ==, 1);
            }
          gtk_window_destroy (GTK_WINDOW (dialog));
        }

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  home = g_dir_make_tmp ("limber-rating-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  /* the application brings the style sheet and the journal */
  app = limber_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  main_window = gtk_application_get_active_window (GTK_APPLICATION (app));
  journal = limber_application_get_journal (app);
  g_assert_nonnull (journal);

  g_test_add_func ("/rating/unset", test_unset);
  g_test_add_func ("/rating/keys", test_keys);
  g_test_add_func ("/rating/rtl", test_rtl);
  g_test_add_func ("/rating/click", test_click);
  g_test_add_func ("/rating/one-tab-stop", test_one_tab_stop);
  g_test_add_func ("/rating/sizes", test_sizes);
  g_test_add_func ("/rating/check-in/untouched", test_form_untouched);
  g_test_add_func ("/rating/check-in/both-needed", test_form_both_needed);
  g_test_add_func ("/rating/check-in/initial-pain", test_form_initial_pain);
  g_test_add_func ("/rating/check-in/sizes", test_form_sizes);
  g_test_add_func ("/rating/check-in/when-now", test_form_when_now);
  g_test_add_func ("/rating/check-in/when-past", test_form_when_past);
  g_test_add_func ("/rating/check-in/when-future", test_form_when_future);
  g_test_add_func ("/rating/check-in/when-keyboard", test_form_when_keyboard);

  status = g_test_run ();

  gtk_window_destroy (main_window);
  g_object_unref (app);
  return status;
}

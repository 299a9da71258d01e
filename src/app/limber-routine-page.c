/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include <glib/gi18n.h>

#include "limber-exercise-details.h"
#include "limber-ui-utils.h"
#include "limber-routine-page.h"

struct _LimberRoutinePage
{
  GtkWidget       parent_instance;

  LimberRoutine  *routine;
  LimberJournal  *journal;

  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkLabel       *meta_label;
  GtkListBox     *step_list;
  GtkWidget      *start_button;
  GtkWidget      *edit_button;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (LimberRoutinePage, limber_routine_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_step_row (LimberRoutine *routine,
               guint          index,
               LimberJournal *journal)
{
  const LimberRoutineStep *step = limber_routine_get_step (routine, index);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *thumbnail;
  GtkWidget *details;
  GtkWidget *details_row;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = limber_routine_step_describe (step);

  /* Translators: a step's number in the routine, then the exercise name */
  title = g_strdup_printf (_("%u. %s"), index + 1, limber_exercise_get_name (step->exercise));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  thumbnail = limber_exercise_details_new_picture (step->exercise, 64, 48);
  gtk_widget_set_margin_top (thumbnail, 6);
  gtk_widget_set_margin_bottom (thumbnail, 6);
  gtk_widget_add_css_class (thumbnail, "limber-thumbnail");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), thumbnail);

  details = limber_exercise_details_new (step->exercise, journal);
  details_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (details_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (details_row), details);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details_row);

  return row;
}

/* Edit for an own routine, Duplicate (to edit a copy) for a bundled one;
 * the menu holds the rest. */
static void
update_actions (LimberRoutinePage *self)
{
  const char *id = limber_routine_get_id (self->routine);
  gboolean own = !limber_routine_is_bundled (self->routine);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  gtk_button_set_label (GTK_BUTTON (self->edit_button), own ? _("_Edit") : _("_Duplicate to Edit"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button),
                                  own ? "win.edit-routine" : "win.duplicate-routine");

  if (own)
    {
      item = g_menu_item_new (_("_Edit"), NULL);
      g_menu_item_set_action_and_target (item, "win.edit-routine", "s", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("D_uplicate"), NULL);
  g_menu_item_set_action_and_target (item, "win.duplicate-routine", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("E_xport…"), NULL);
  g_menu_item_set_action_and_target (item, "win.export-routine", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  if (own)
    {
      item = g_menu_item_new (_("_Delete…"), NULL);
      g_menu_item_set_action_and_target (item, "win.delete-routine", "s", id);
      g_menu_append_item (section, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
rebuild (LimberRoutinePage *self)
{
  GtkWidget *child;
  g_autofree char *duration = NULL;
  g_autofree char *meta = NULL;
  guint n_steps;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list))))
    gtk_list_box_remove (self->step_list, child);

  if (self->routine == NULL)
    return;

  n_steps = limber_routine_get_n_steps (self->routine);
  duration = limber_format_duration_rounded (limber_routine_get_duration (self->routine));
  meta = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u exercise", "%s · %u exercises", n_steps),
                          duration, n_steps);

  adw_window_title_set_title (self->window_title, limber_routine_get_name (self->routine));
  gtk_label_set_label (self->name_label, limber_routine_get_name (self->routine));
  gtk_label_set_label (self->summary_label, limber_routine_get_summary (self->routine));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          *limber_routine_get_summary (self->routine) != '\0');
  gtk_label_set_label (self->meta_label, meta);
  /* the target first: the action takes a routine id */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s",
                                    limber_routine_get_id (self->routine));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "win.start-routine");
  update_actions (self);

  for (guint i = 0; i < n_steps; i++)
    gtk_list_box_append (self->step_list, make_step_row (self->routine, i, self->journal));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
limber_routine_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberRoutinePage *self = LIMBER_ROUTINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberRoutinePage *self = LIMBER_ROUTINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      limber_routine_page_set_routine (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_page_dispose (GObject *object)
{
  LimberRoutinePage *self = LIMBER_ROUTINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ROUTINE_PAGE);
  g_clear_object (&self->routine);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (limber_routine_page_parent_class)->dispose (object);
}

static void
limber_routine_page_class_init (LimberRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = limber_routine_page_get_property;
  object_class->set_property = limber_routine_page_set_property;
  object_class->dispose = limber_routine_page_dispose;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         LIMBER_TYPE_ROUTINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, step_list);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, menu_button);

  gtk_widget_class_install_action (widget_class, "routine.back", NULL, go_back);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "routine.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-routine-page");
}

static void
limber_routine_page_init (LimberRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
}

LimberRoutine *
limber_routine_page_get_routine (LimberRoutinePage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}

void
limber_routine_page_set_routine (LimberRoutinePage *self,
                                 LimberRoutine     *routine)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  g_return_if_fail (!routine || LIMBER_IS_ROUTINE (routine));

  if (g_set_object (&self->routine, routine))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
    }
}

/**
 * limber_routine_page_set_journal:
 * @journal: (nullable): where each exercise's record is read from
 */
void
limber_routine_page_set_journal (LimberRoutinePage *self,
                                 LimberJournal     *journal)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  g_set_object (&self->journal, journal);
}

/* The routine was saved again, or the journal changed: show it afresh. */
void
limber_routine_page_refresh (LimberRoutinePage *self)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  if (self->routine != NULL)
    rebuild (self);
}

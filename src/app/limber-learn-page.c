/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-ui-utils.h"
#include "limber-learn-page.h"

/* Learn: plain sections on hamstring trigger points, each way of looking
 * after them linked to the part of Limber that does it. The text lives in
 * the template; the page only goes back, and hides a link whose action the
 * window does not have (programs may not be built yet). */
struct _LimberLearnPage
{
  GtkWidget  parent_instance;

  GtkWidget *box;  /* bound so that dispose_template() unparents it */
  GtkWidget *programs_button;
};

G_DEFINE_FINAL_TYPE (LimberLearnPage, limber_learn_page, GTK_TYPE_WIDGET)

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/* An actionable button whose action cannot be found is made insensitive;
 * a link to nothing is better not shown at all. */
static void
update_programs_button (LimberLearnPage *self)
{
  gtk_widget_set_visible (self->programs_button,
                          gtk_widget_get_sensitive (self->programs_button));
}

static void
limber_learn_page_dispose (GObject *object)
{
  LimberLearnPage *self = LIMBER_LEARN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_LEARN_PAGE);

  G_OBJECT_CLASS (limber_learn_page_parent_class)->dispose (object);
}

static void
limber_learn_page_class_init (LimberLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_learn_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, LIMBER_RESOURCE_PREFIX "/ui/limber-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberLearnPage, box);
  gtk_widget_class_bind_template_child (widget_class, LimberLearnPage, programs_button);
  gtk_widget_class_bind_template_callback (widget_class, update_programs_button);

  gtk_widget_class_install_action (widget_class, "learn.back", NULL, go_back);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "learn.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-learn-page");
}

static void
limber_learn_page_init (LimberLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limber_ui_name_mnemonic_buttons (GTK_WIDGET (self));
  update_programs_button (self);
}

GtkWidget *
limber_learn_page_new (void)
{
  return g_object_new (LIMBER_TYPE_LEARN_PAGE, NULL);
}

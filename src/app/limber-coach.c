/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-coach.h"
#include "limber-coach-layout.h"

/* The player's coach area: its children come from the template and are
 * placed by LimberCoachLayout, which holds the rule for every window size. */
struct _LimberCoach
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LimberCoach, limber_coach, GTK_TYPE_WIDGET)

static void
limber_coach_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_coach_parent_class)->dispose (object);
}

static void
limber_coach_class_init (LimberCoachClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = limber_coach_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, LIMBER_TYPE_COACH_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limber-coach");
}

static void
limber_coach_init (LimberCoach *self)
{
}

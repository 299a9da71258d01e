/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-app"

#include "limber-coach-layout.h"

/* Lays out the player's coach: the ring with the pose ("ring"), the phase
 * ("phase"), the big seconds ("digits") and the rest of the text ("info",
 * whose instructions scroll inside it). Children are found by widget name.
 * libadwaita 1.2 has no breakpoints, so the rule is here, decided afresh on
 * every allocation from the space there is:
 *
 * - Wide (at least 1.2 times as wide as tall, and 560 px across): the ring
 *   on the left, as large as the height allows but at most half the width;
 *   on the right, the phase, then the digits, given a third of the
 *   height, then the text with whatever remains.
 * - Otherwise stacked: the ring and, beside it, the phase over the digits,
 *   together at most 45 % of the height; the text below, full width. When
 *   the text cannot have its minimum (a phone at 1.5× text), the ring
 *   shrinks first: the text's minimum includes nothing but what the person
 *   needs (the exercise's name and side), the instructions scroll.
 *
 * The ring and the digits therefore grow with the window and shrink with
 * it, and nothing here can push the controls (outside this widget, pinned
 * below it) out of the window: this widget asks for little and takes what
 * it is given. */
struct _LimberCoachLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (LimberCoachLayout, limber_coach_layout, GTK_TYPE_LAYOUT_MANAGER)

#define SPACING     8
#define GAP_WIDE    32
#define GAP_NARROW  12
#define MIN_WIDTH   240
#define MIN_HEIGHT  200

static GtkWidget *
find_child (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return child;
  return NULL;
}

static void
measure_height (GtkWidget *child,
                int        width,
                int       *minimum,
                int       *natural)
{
  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (width, 0), minimum, natural, NULL, NULL);
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height)
{
  int min_w, min_h;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  /* GTK wants a measure before an allocation; the size is ours to choose */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (width, min_w), &min_h, NULL, NULL, NULL);
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, y, MAX (width, min_w), MAX (height, min_h) },
                            -1);
}

static void
limber_coach_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 860;
    }
  else
    {
      int info_min, info_nat;

      measure_height (find_child (widget, "info"), for_size > 0 ? for_size : MIN_WIDTH, &info_min, &info_nat);
      *minimum = MAX (MIN_HEIGHT, info_min);
      *natural = MAX (480, info_nat);
    }
}

static void
limber_coach_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  GtkWidget *ring = find_child (widget, "ring");
  GtkWidget *phase = find_child (widget, "phase");
  GtkWidget *digits = find_child (widget, "digits");
  GtkWidget *info = find_child (widget, "info");
  int phase_min, phase_h, info_min, info_nat, info_h, digits_h, ring_size, column_w, total, y;
  gboolean wide = width >= 560 && width * 5 >= height * 6;

  if (wide)
    {
      int gap = GAP_WIDE;

      ring_size = MIN (height, (width - gap) / 2);
      column_w = width - ring_size - gap;
      measure_height (phase, column_w, &phase_min, &phase_h);
      measure_height (info, column_w, &info_min, &info_nat);
      digits_h = CLAMP (height / 3, 0, height - phase_h - info_min - 2 * SPACING);
      digits_h = MAX (digits_h, 0);
      info_h = MIN (info_nat, height - phase_h - digits_h - 2 * SPACING);
      info_h = MAX (info_h, info_min);
      total = phase_h + SPACING + digits_h + SPACING + info_h;
      y = MAX (0, (height - total) / 2);

      place (ring, 0, (height - ring_size) / 2, ring_size, ring_size);
      place (phase, ring_size + gap, y, column_w, phase_h);
      place (digits, ring_size + gap, y + phase_h + SPACING, column_w, digits_h);
      place (info, ring_size + gap, y + phase_h + digits_h + 2 * SPACING, column_w, info_h);
    }
  else
    {
      int gap = GAP_NARROW;
      int top;

      measure_height (info, width, &info_min, &info_nat);
      ring_size = MIN ((width - gap) / 2, height * 45 / 100);
      ring_size = MIN (ring_size, height - gap - info_min);
      ring_size = MAX (ring_size, 0);
      column_w = width - ring_size - gap;
      measure_height (phase, column_w, &phase_min, &phase_h);
      top = MAX (ring_size, phase_h);
      digits_h = MAX (0, top - phase_h - SPACING);
      info_h = CLAMP (info_nat, info_min, MAX (info_min, height - top - gap));
      total = top + gap + info_h;
      y = MAX (0, (height - total) / 2);

      place (ring, 0, y + (top - ring_size) / 2, ring_size, ring_size);
      place (phase, ring_size + gap, y, column_w, phase_h);
      place (digits, ring_size + gap, y + phase_h + SPACING, column_w, digits_h);
      place (info, 0, y + top + gap, width, info_h);
    }
}

static void
limber_coach_layout_class_init (LimberCoachLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = limber_coach_layout_measure;
  layout_class->allocate = limber_coach_layout_allocate;
}

static void
limber_coach_layout_init (LimberCoachLayout *self)
{
}

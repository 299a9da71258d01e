/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean limber_test_timeout_cb     (gpointer    data);
void     limber_test_settle         (void);
void     limber_test_screenshot     (GtkWidget  *widget,
                                     const char *name);
gpointer limber_test_child          (gpointer    widget,
                                     const char *name);
GtkWindow *limber_test_find_toplevel (GType      type);

/* Iterates the main loop until @cond holds, failing after five seconds. */
#define WAIT_FOR(cond) G_STMT_START {                                       \
    gboolean timed_out_ = FALSE;                                            \
    guint id_ = g_timeout_add (5000, limber_test_timeout_cb, &timed_out_);  \
    while (!(cond) && !timed_out_)                                          \
      g_main_context_iteration (NULL, TRUE);                                \
    g_assert_false (timed_out_);                                            \
    g_source_remove (id_);                                                  \
  } G_STMT_END

G_END_DECLS

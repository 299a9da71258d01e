/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_LEARN_PAGE (limber_learn_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberLearnPage, limber_learn_page, LIMBER, LEARN_PAGE, GtkWidget)

GtkWidget *limber_learn_page_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-application.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SEARCH_PROVIDER (limber_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (LimberSearchProvider, limber_search_provider, LIMBER, SEARCH_PROVIDER, GObject)

LimberSearchProvider *limber_search_provider_new        (LimberApplication    *application);
gboolean              limber_search_provider_register   (LimberSearchProvider *self,
                                                         GDBusConnection      *connection,
                                                         const char           *object_path,
                                                         GError              **error);
void                  limber_search_provider_unregister (LimberSearchProvider *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Enums and flags are stored and read by their GEnumValue/GFlagsValue
 * nicks (G_DEFINE_ENUM_TYPE, G_DEFINE_FLAGS_TYPE), so the nick is the one
 * place where a value's stored name is written. */

const char *limber_enum_to_nick    (GType        enum_type,
                                    int          value);
gboolean    limber_enum_from_nick  (GType        enum_type,
                                    const char  *nick,
                                    int         *value);
const char *limber_flag_to_nick    (GType        flags_type,
                                    guint        flag);
gboolean    limber_flag_from_nick  (GType        flags_type,
                                    const char  *nick,
                                    guint       *flag);

G_END_DECLS

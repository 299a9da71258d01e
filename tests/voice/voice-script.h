/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In a script: a cancel with nothing said after it. */
#define VOICE_CANCEL_ONLY "(cancel)"

void voice_script_assert (GPtrArray         *log,
                          const char *const *script,
                          gsize              n);

G_END_DECLS

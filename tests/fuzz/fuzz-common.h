/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The libFuzzer entry point; fuzz-main.c calls it when built without
 * libFuzzer, so the same target runs its seed corpus as a plain test. */
int   LLVMFuzzerTestOneInput (const guint8 *data,
                              size_t        size);

void  fuzz_init              (void);
char *fuzz_strndup_checked   (const guint8 *data,
                              size_t        size);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of a data-set file being parsed, kept so that errors can name the
 * file and the line of the offending key. */
typedef struct
{
  const char *display_name;
  const char *text;
  GKeyFile   *key_file;
} LimberParseContext;

void      limber_parse_set_error    (const LimberParseContext *ctx,
                                     GError                  **error,
                                     int                       code,
                                     const char               *group,
                                     const char               *key,
                                     const char               *format,
                                     ...) G_GNUC_PRINTF (6, 7);
gboolean  limber_parse_load         (LimberParseContext *ctx,
                                     gsize               length,
                                     GError            **error);
char     *limber_parse_get_text     (const LimberParseContext *ctx,
                                     const char               *group,
                                     const char               *key,
                                     gboolean                  required,
                                     GError                  **error);
gboolean  limber_parse_get_uint     (const LimberParseContext *ctx,
                                     const char               *group,
                                     const char               *key,
                                     guint                     min,
                                     guint                     max,
                                     guint                    *value,
                                     GError                  **error);
gboolean  limber_parse_check_id     (const LimberParseContext *ctx,
                                     const char               *group,
                                     const char               *id,
                                     GError                  **error);
guint     limber_parse_find_line    (const char *text,
                                     const char *group,
                                     const char *key);

G_END_DECLS

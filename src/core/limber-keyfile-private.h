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
} LimberKeyfileContext;

void      _limber_keyfile_set_error (const LimberKeyfileContext  *ctx,
                                     GError                     **error,
                                     int                          code,
                                     const char                  *group,
                                     const char                  *key,
                                     const char                  *format,
                                     ...) G_GNUC_PRINTF (6, 7);
gboolean  _limber_keyfile_load      (LimberKeyfileContext        *ctx,
                                     gsize                        length,
                                     GError                     **error);
char     *_limber_keyfile_get_text  (const LimberKeyfileContext  *ctx,
                                     const char                  *group,
                                     const char                  *key,
                                     gboolean                     required,
                                     GError                     **error);
gboolean  _limber_keyfile_get_uint  (const LimberKeyfileContext  *ctx,
                                     const char                  *group,
                                     const char                  *key,
                                     guint                        min,
                                     guint                        max,
                                     guint                       *value,
                                     GError                     **error);
gboolean  _limber_keyfile_check_id  (const LimberKeyfileContext  *ctx,
                                     const char                  *group,
                                     const char                  *id,
                                     GError                     **error);
gboolean  _limber_keyfile_check     (const LimberKeyfileContext  *ctx,
                                     const char                  *group,
                                     const char                  *key,
                                     gboolean                     ok,
                                     GError                     **check_error,
                                     GError                     **error);
guint     _limber_keyfile_find_line (const char                  *text,
                                     const char                  *group,
                                     const char                  *key);

G_END_DECLS

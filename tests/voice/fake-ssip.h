/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A Speech Dispatcher stand-in on a Unix socket, in a thread of its own:
 * it answers SSIP as the real daemon does and records what it gets. The
 * log has one entry a command line, as sent ("SET SELF PRIORITY MESSAGE"),
 * "TEXT <text>" for each message after SPEAK, "CONNECT" and "EOF" for each
 * client coming and going. */
typedef struct _FakeSsip FakeSsip;

FakeSsip  *fake_ssip_new              (const char *socket_path);
void       fake_ssip_free             (FakeSsip   *self);
const char *fake_ssip_get_address     (FakeSsip   *self);
GPtrArray *fake_ssip_dup_log          (FakeSsip   *self);
guint      fake_ssip_count            (FakeSsip   *self,
                                       const char *prefix);
void       fake_ssip_hang_up_after    (FakeSsip   *self,
                                       guint       n_texts);
void       fake_ssip_mute_after       (FakeSsip   *self,
                                       guint       n_texts);
gboolean   fake_ssip_wait_for         (FakeSsip   *self,
                                       const char *prefix,
                                       guint       n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeSsip, fake_ssip_free)

G_END_DECLS

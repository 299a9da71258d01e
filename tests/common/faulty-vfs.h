/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test VFS over SQLite's default one that can fail the Nth write, sync,
 * truncate or lock, once or from then on, as a full or failing disk does.
 * faulty_vfs_install() makes it the default VFS of the process, so that
 * the journal opened afterwards uses it. */

typedef enum
{
  FAULTY_WRITE    = 1 << 0,
  FAULTY_SYNC     = 1 << 1,
  FAULTY_TRUNCATE = 1 << 2,
  FAULTY_LOCK     = 1 << 3,
  FAULTY_ALL      = 0xf,
} FaultyKind;

void  faulty_vfs_install  (void);
/* Counts operations of the kinds in @kinds from now on; the @nth (from 1)
 * fails with @rc (an SQLite result code), and so does every later one when
 * @persistent. nth 0 fails nothing. */
void  faulty_vfs_arm      (FaultyKind  kinds,
                           guint       nth,
                           int         rc,
                           gboolean    persistent);
void  faulty_vfs_disarm   (void);
/* The system error a failure leaves behind, as ENOSPC after a failed fsync. */
void  faulty_vfs_set_errno (int       sys_errno);
/* Operations of the armed kinds seen since faulty_vfs_arm(). */
guint faulty_vfs_get_count  (void);
guint faulty_vfs_get_n_failed (void);

G_END_DECLS

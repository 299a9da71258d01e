/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <sqlite3.h>
#include <string.h>

#include "faulty-vfs.h"

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;  /* right after this struct */
} FaultyFile;

static sqlite3_vfs faulty_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods faulty_methods;

static struct
{
  FaultyKind kinds;
  guint      nth;
  int        rc;
  gboolean   persistent;
  guint      count;
  guint      n_failed;
  int        sys_errno;
} fault;

/* Returns the error to give for this operation, or SQLITE_OK. */
static int
check (FaultyKind kind)
{
  if ((fault.kinds & kind) == 0)
    return SQLITE_OK;
  fault.count++;
  if (fault.nth == 0)
    return SQLITE_OK;
  if (fault.count == fault.nth || (fault.persistent && fault.count > fault.nth))
    {
      fault.n_failed++;
      /* what the unix VFS's xGetLastError, and so sqlite3_system_errno(), reports */
      if (fault.sys_errno != 0)
        errno = fault.sys_errno;
      return fault.rc;
    }
  return SQLITE_OK;
}

#define REAL(f) (((FaultyFile *) (f))->real)

static int
f_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
f_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
f_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  int rc = check (FAULTY_WRITE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
f_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  int rc = check (FAULTY_TRUNCATE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
f_sync (sqlite3_file *f, int flags)
{
  int rc = check (FAULTY_SYNC);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
f_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
f_lock (sqlite3_file *f, int level)
{
  int rc = check (FAULTY_LOCK);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
f_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
f_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
f_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
f_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
f_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
f_shm_map (sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), region, size, extend, out);
}

static int
f_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  /* Only taking a lock can fail; releasing one never does. */
  if (flags & SQLITE_SHM_LOCK)
    {
      int rc = check (FAULTY_LOCK);

      if (rc != SQLITE_OK)
        return rc;
    }
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
f_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
f_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
f_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
f_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

static int
v_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultyFile *ff = (FaultyFile *) file;
  int rc;

  ff->real = (sqlite3_file *) (ff + 1);
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  if (ff->real->pMethods == NULL)
    {
      file->pMethods = NULL;
      return rc;
    }
  faulty_methods.iVersion = MIN (ff->real->pMethods->iVersion, 3);
  file->pMethods = &faulty_methods;
  return rc;
}

static int
v_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
v_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
v_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
v_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
v_dl_error (sqlite3_vfs *vfs, int n, char *msg)
{
  real_vfs->xDlError (real_vfs, n, msg);
}

static void (*v_dl_sym (sqlite3_vfs *vfs, void *handle, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, sym);
}

static void
v_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
v_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
v_sleep (sqlite3_vfs *vfs, int usec)
{
  return real_vfs->xSleep (real_vfs, usec);
}

static int
v_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
v_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
v_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
faulty_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  faulty_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = f_close,
    .xRead = f_read,
    .xWrite = f_write,
    .xTruncate = f_truncate,
    .xSync = f_sync,
    .xFileSize = f_file_size,
    .xLock = f_lock,
    .xUnlock = f_unlock,
    .xCheckReservedLock = f_check_reserved_lock,
    .xFileControl = f_file_control,
    .xSectorSize = f_sector_size,
    .xDeviceCharacteristics = f_device_characteristics,
    .xShmMap = f_shm_map,
    .xShmLock = f_shm_lock,
    .xShmBarrier = f_shm_barrier,
    .xShmUnmap = f_shm_unmap,
    .xFetch = f_fetch,
    .xUnfetch = f_unfetch,
  };

  faulty_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = sizeof (FaultyFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "limber-faulty",
    .xOpen = v_open,
    .xDelete = v_delete,
    .xAccess = v_access,
    .xFullPathname = v_full_pathname,
    .xDlOpen = v_dl_open,
    .xDlError = v_dl_error,
    .xDlSym = v_dl_sym,
    .xDlClose = v_dl_close,
    .xRandomness = v_randomness,
    .xSleep = v_sleep,
    .xCurrentTime = v_current_time,
    .xGetLastError = v_get_last_error,
    .xCurrentTimeInt64 = v_current_time_int64,
  };

  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 1), ==, SQLITE_OK);
}

void
faulty_vfs_arm (FaultyKind kinds,
                guint      nth,
                int        rc,
                gboolean   persistent)
{
  fault.kinds = kinds;
  fault.nth = nth;
  fault.rc = rc;
  fault.persistent = persistent;
  fault.count = 0;
  fault.n_failed = 0;
  fault.sys_errno = 0;
}

void
faulty_vfs_set_errno (int sys_errno)
{
  fault.sys_errno = sys_errno;
}

void
faulty_vfs_disarm (void)
{
  fault.kinds = 0;
  fault.nth = 0;
}

guint
faulty_vfs_get_count (void)
{
  return fault.count;
}

guint
faulty_vfs_get_n_failed (void)
{
  return fault.n_failed;
}

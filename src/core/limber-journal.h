/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-checkin.h"
#include "limber-journal-path.h"
#include "limber-outcome.h"
#include "limber-records.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_JOURNAL_ERROR (limber_journal_error_quark ())

typedef enum
{
  LIMBER_JOURNAL_ERROR_CORRUPT,
  LIMBER_JOURNAL_ERROR_TOO_NEW,
  LIMBER_JOURNAL_ERROR_FOREIGN,
  LIMBER_JOURNAL_ERROR_CANT_OPEN,
  LIMBER_JOURNAL_ERROR_READ_ONLY,
  LIMBER_JOURNAL_ERROR_FULL,
  LIMBER_JOURNAL_ERROR_NOT_FOUND,
  LIMBER_JOURNAL_ERROR_INVALID,
  LIMBER_JOURNAL_ERROR_FAILED,
  LIMBER_JOURNAL_ERROR_BUSY,
} LimberJournalError;

GQuark limber_journal_error_quark (void);

#define LIMBER_TYPE_JOURNAL (limber_journal_get_type ())
G_DECLARE_FINAL_TYPE (LimberJournal, limber_journal, LIMBER, JOURNAL, GObject)

LimberJournal *limber_journal_open                   (const char     *path,
                                                      GError        **error);
const char    *limber_journal_get_path               (LimberJournal  *self);
const char    *limber_journal_get_moved_aside_path   (LimberJournal  *self);
const char    *limber_journal_get_read_only_reason   (LimberJournal  *self);
guint          limber_journal_get_n_salvaged         (LimberJournal  *self);
guint          limber_journal_recover_interrupted    (LimberJournal  *self,
                                                      GError        **error);
gint64         limber_journal_start_session          (LimberJournal  *self,
                                                      const char     *routine_id,
                                                      const char     *routine_name,
                                                      GDateTime      *started_at,
                                                      guint           planned_ms,
                                                      GError        **error);
gboolean       limber_journal_record_part            (LimberJournal  *self,
                                                      gint64          session_id,
                                                      guint           step,
                                                      LimberSide      side,
                                                      const char     *exercise_id,
                                                      guint           planned_ms,
                                                      guint           done_ms,
                                                      gboolean        skipped,
                                                      guint           session_active_ms,
                                                      GError        **error);
gboolean       limber_journal_finish_session         (LimberJournal  *self,
                                                      gint64          session_id,
                                                      LimberOutcome   outcome,
                                                      GDateTime      *ended_at,
                                                      guint           active_ms,
                                                      GError        **error);
gboolean       limber_journal_set_session_rating     (LimberJournal  *self,
                                                      gint64          session_id,
                                                      int             rating,
                                                      GError        **error);
GPtrArray     *limber_journal_list_sessions          (LimberJournal  *self,
                                                      GDateTime      *since,
                                                      GError        **error);
GPtrArray     *limber_journal_list_parts             (LimberJournal  *self,
                                                      gint64          session_id,
                                                      GError        **error);
GPtrArray     *limber_journal_list_sessions_between  (LimberJournal  *self,
                                                      GDateTime      *from,
                                                      GDateTime      *to,
                                                      GError        **error);
gboolean       limber_journal_delete_session         (LimberJournal      *self,
                                                      gint64              session_id,
                                                      LimberSessionInfo **deleted,
                                                      GPtrArray         **deleted_parts,
                                                      GError            **error);
gboolean       limber_journal_restore_session        (LimberJournal           *self,
                                                      const LimberSessionInfo *session,
                                                      GPtrArray               *parts,
                                                      GError                 **error);
gboolean       limber_journal_get_exercise_record    (LimberJournal        *self,
                                                      const char           *exercise_id,
                                                      LimberExerciseRecord *out,
                                                      GError              **error);

gint64         limber_journal_add_checkin            (LimberJournal        *self,
                                                      const LimberCheckin  *checkin,
                                                      GError              **error);
gboolean       limber_journal_update_checkin         (LimberJournal        *self,
                                                      const LimberCheckin  *checkin,
                                                      GError              **error);
gboolean       limber_journal_delete_checkin         (LimberJournal        *self,
                                                      gint64                id,
                                                      LimberCheckin       **deleted,
                                                      GError              **error);
gboolean       limber_journal_restore_checkin        (LimberJournal        *self,
                                                      const LimberCheckin  *checkin,
                                                      GError              **error);
LimberCheckin *limber_journal_get_checkin            (LimberJournal        *self,
                                                      gint64                id,
                                                      GError              **error);
GPtrArray     *limber_journal_list_checkins          (LimberJournal        *self,
                                                      GDateTime            *from,
                                                      GDateTime            *to,
                                                      GError              **error);
gboolean       limber_journal_get_latest_checkin     (LimberJournal        *self,
                                                      GDateTime            *since,
                                                      LimberCheckin       **checkin,
                                                      GError              **error);
gboolean       limber_journal_get_first_checkin      (LimberJournal        *self,
                                                      GDateTime            *since,
                                                      LimberCheckin       **checkin,
                                                      GError              **error);
 
/* The whole journal, newest first, a page at a time (limber-journal-entries.c) */
typedef enum
{
  LIMBER_JOURNAL_ENTRY_SESSION,
  LIMBER_JOURNAL_ENTRY_CHECKIN,
} LimberJournalEntryKind;

typedef struct
{
  LimberJournalEntryKind  kind;
  gint64                  time_usec;  /* a session's start, a check-in's time */
  gint64                  id;
  LimberSessionInfo      *session;    /* for LIMBER_JOURNAL_ENTRY_SESSION */
  LimberCheckin          *checkin;    /* for LIMBER_JOURNAL_ENTRY_CHECKIN */
} LimberJournalEntry;

#define LIMBER_TYPE_JOURNAL_ENTRY (limber_journal_entry_get_type ())
GType               limber_journal_entry_get_type (void) G_GNUC_CONST;
LimberJournalEntry *limber_journal_entry_copy     (const LimberJournalEntry *entry);
void                limber_journal_entry_free     (LimberJournalEntry       *entry);
int                 limber_journal_entry_compare  (const LimberJournalEntry *a,
                                                   const LimberJournalEntry *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberJournalEntry, limber_journal_entry_free)

GPtrArray     *limber_journal_list_entries_before    (LimberJournal            *self,
                                                      const LimberJournalEntry *last,
                                                      guint                     limit,
                                                      GError                  **error);
gboolean       limber_journal_get_first_time         (LimberJournal            *self,
                                                      GDateTime               **first,
                                                      GError                  **error);
gint64         limber_journal_count_entries          (LimberJournal            *self,
                                                      GError                  **error);

gint64         limber_journal_log_reminder           (LimberJournal  *self,
                                                      LimberReminderKind    kind,
                                                      const char     *routine_id,
                                                      GDateTime      *due_at,
                                                      gboolean        catch_up,
                                                      GError        **error);
gboolean       limber_journal_set_reminder_outcome   (LimberJournal  *self,
                                                      gint64          id,
                                                      LimberReminderOutcome outcome,
                                                      GError        **error);
gint64         limber_journal_log_reminder_keyed     (LimberJournal  *self,
                                                      const char     *key,
                                                      LimberReminderKind kind,
                                                      const char     *routine_id,
                                                      GDateTime      *due_at,
                                                      gboolean        catch_up,
                                                      GError        **error);
gint64         limber_journal_log_test_reminder_keyed (LimberJournal *self,
                                                      const char     *key,
                                                      LimberReminderKind kind,
                                                      const char     *routine_id,
                                                      GDateTime      *due_at,
                                                      GError        **error);
gboolean       limber_journal_set_reminder_outcome_keyed (LimberJournal *self,
                                                      const char     *key,
                                                      LimberReminderOutcome outcome,
                                                      GError        **error);
GPtrArray     *limber_journal_list_reminders         (LimberJournal  *self,
                                                      GDateTime      *since,
                                                      GError        **error);

/* Daily backups in "backups/" beside the journal (limber-journal-backup.c) */
#define LIMBER_JOURNAL_N_BACKUPS 7

GPtrArray     *limber_journal_list_backups           (const char     *journal_path);
gboolean       limber_journal_backup_daily           (const char     *journal_path,
                                                      GDateTime      *today,
                                                      gboolean       *made,
                                                      GError        **error);
gboolean       limber_journal_restore_backup         (LimberJournal  *self,
                                                      const char     *backup,
                                                      char          **used,
                                                      guint          *n_restored,
                                                      GError        **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-catalog.h"
#include "limber-checkin.h"
#include "limber-journal.h"
#include "limber-program.h"
#include "limber-program-events.h"
#include "limber-records.h"

G_BEGIN_DECLS

/* The rules that move someone through a program's levels. They are pure:
 * limber_progression_decide() reads only what it is given, so tests play
 * weeks of check-ins and sessions through them in virtual time. The rules
 * never diagnose; each decision carries a reason in plain, kind words.
 *
 * In order, first match wins:
 *  1. a session at this level stopped for pain      → STEP_BACK (STAY at level 1)
 *  2. a check-in since the level started with pain at least
 *     LIMBER_PROGRESSION_FLARE_POINTS above the start → STEP_BACK (STAY at level 1)
 *  3. fewer completed sessions at this level than the program's
 *     SessionsToAdvance                              → STAY
 *  4. fewer than LIMBER_PROGRESSION_MIN_CHECKINS check-ins since the level
 *     started (or no baseline to compare with)        → STAY
 *  5. pain or stiffness in a check-in since the level started above the
 *     start (its mean, rounded)                       → STAY
 *  6. at the last level                              → STAY
 *  7. otherwise                                      → ADVANCE
 *
 * At a level of several parts (limber_program_get_n_parts()), each part
 * played is a session: a completed part counts towards SessionsToAdvance,
 * and a part stopped for pain is rule 1 whichever part it was. */

#define LIMBER_PROGRESSION_MIN_CHECKINS 2
#define LIMBER_PROGRESSION_FLARE_POINTS 2
/* The baseline: check-ins in the week before the start. */
#define LIMBER_PROGRESSION_BASELINE_DAYS 7

typedef enum
{
  LIMBER_PROGRESSION_STAY,
  LIMBER_PROGRESSION_ADVANCE,
  LIMBER_PROGRESSION_STEP_BACK,
} LimberProgressionAction;

#define LIMBER_TYPE_PROGRESSION_ACTION (limber_progression_action_get_type ())
GType limber_progression_action_get_type (void);

typedef enum
{
  LIMBER_PROGRESSION_REASON_STOPPED_FOR_PAIN,  /* a session was stopped because it hurt */
  LIMBER_PROGRESSION_REASON_PAIN_FLARE,        /* pain well above the start */
  LIMBER_PROGRESSION_REASON_NEEDS_SESSIONS,
  LIMBER_PROGRESSION_REASON_NEEDS_CHECKINS,
  LIMBER_PROGRESSION_REASON_RISING,            /* a little above the start: wait */
  LIMBER_PROGRESSION_REASON_TOP_LEVEL,
  LIMBER_PROGRESSION_REASON_STEADY,            /* ready for the next level */
} LimberProgressionReason;

#define LIMBER_TYPE_PROGRESSION_REASON (limber_progression_reason_get_type ())
GType limber_progression_reason_get_type (void);

typedef struct
{
  LimberProgressionAction  action;
  LimberProgressionReason  reason;
  guint                    level;            /* now */
  guint                    new_level;        /* after the decision (= level for STAY) */
  guint                    sessions_done;    /* completed at this level */
  guint                    sessions_needed;  /* more to go before advancing, else 0 */
  guint                    checkins_needed;  /* more to go before advancing, else 0 */
  char                    *text;             /* the reason, translated, one sentence */
} LimberProgressionDecision;

#define LIMBER_TYPE_PROGRESSION_DECISION (limber_progression_decision_get_type ())

GType                      limber_progression_decision_get_type (void) G_GNUC_CONST;
LimberProgressionDecision *limber_progression_decision_copy     (const LimberProgressionDecision *decision);
void                       limber_progression_decision_free     (LimberProgressionDecision       *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProgressionDecision, limber_progression_decision_free)

/* The baseline from check-ins (LimberCheckin *, any order): the mean pain
 * and stiffness of those in the LIMBER_PROGRESSION_BASELINE_DAYS days
 * before @started_at, else the first one at or after it. FALSE when there
 * is none. */
gboolean                   limber_progression_compute_baseline  (GPtrArray       *checkins,
                                                                 GDateTime       *started_at,
                                                                 double          *pain,
                                                                 double          *stiffness);

/* The pure rules. @state is the person's program state (its level and
 * level_since, and the baseline); @sessions (LimberSessionInfo *) and
 * @checkins (LimberCheckin *) may hold anything: only sessions of this
 * level's routine and check-ins at or after level_since, up to @now,
 * count. */
LimberProgressionDecision *limber_progression_decide            (LimberProgram            *program,
                                                                 const LimberProgramState *state,
                                                                 GPtrArray                *sessions,
                                                                 GPtrArray                *checkins,
                                                                 GDateTime                *now);

/* Which part of @level to play next: the first, in order, with no
 * completed session among @sessions (LimberSessionInfo *) at or after
 * @since; the first again once every part is done. 1 for a level of one
 * session. */
guint                      limber_progression_next_part         (LimberProgram            *program,
                                                                 guint                     level,
                                                                 GPtrArray                *sessions,
                                                                 GDateTime                *since);

/* limber-progression-evaluate.c: the same, reading the journal. NULL with
 * no error when no program is current. */

LimberProgressionDecision *limber_progression_evaluate          (LimberJournal            *journal,
                                                                 LimberCatalog            *catalog,
                                                                 GDateTime                *now,
                                                                 LimberProgramState      **state,
                                                                 GError                  **error);
/* Writes @decision to the journal: a change of level with its reason, or
 * nothing for a STAY. The person's own choices go straight through
 * limber_journal_change_program_level() and the others. */
gboolean                   limber_progression_apply             (LimberJournal            *journal,
                                                                 const LimberProgressionDecision *decision,
                                                                 GDateTime                *now,
                                                                 GError                  **error);
/* The part of @level to play next today (the local day of @now), from
 * the journal's sessions since midnight; 0 with @error when they could
 * not be read. */
guint                      limber_progression_get_next_part     (LimberJournal            *journal,
                                                                 LimberProgram            *program,
                                                                 guint                     level,
                                                                 GDateTime                *now,
                                                                 GError                  **error);
/* Evaluates and, when the rules move the level, applies: the one place a
 * rules' change of level is written, called where data is recorded (the
 * window when its journal changed, the command line after --check-in),
 * never where it is shown. A read-only journal is only read. */
gboolean                   limber_progression_update            (LimberJournal            *journal,
                                                                 LimberCatalog            *catalog,
                                                                 GDateTime                *now,
                                                                 LimberProgressionDecision **applied,
                                                                 GError                  **error);

G_END_DECLS

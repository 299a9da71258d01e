/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A program's life in the journal, as plain records: each start, change of
 * level, choice to stay and leaving is a row (program_events). Nothing here
 * knows the journal. */

typedef enum
{
  LIMBER_PROGRAM_EVENT_STARTED,        /* "started": at level 1 */
  LIMBER_PROGRAM_EVENT_LEVEL_CHANGED,  /* "level-changed": up or down */
  LIMBER_PROGRAM_EVENT_STAYED,         /* "stayed": same level, its count starts again */
  LIMBER_PROGRAM_EVENT_LEFT,           /* "left": no program until the next start */
} LimberProgramEventKind;

#define LIMBER_TYPE_PROGRAM_EVENT_KIND (limber_program_event_kind_get_type ())
GType limber_program_event_kind_get_type (void);

typedef struct
{
  gint64                  id;
  GDateTime              *time;
  char                   *program_id;
  LimberProgramEventKind  kind;
  guint                   level;       /* the level from this event on; 0 for "left" */
  char                   *reason;      /* plain words, as shown; may be NULL */
} LimberProgramEvent;

/* Where the person is now: their program, level and the baseline the rules
 * compare against. */
typedef struct
{
  char       *program_id;
  guint       level;
  GDateTime  *started_at;      /* the latest "started" */
  GDateTime  *level_since;     /* the latest start, change of level or stay */
  gboolean    has_baseline;    /* FALSE until there is a check-in to start from */
  double      start_pain;      /* mean of the week's check-ins before the start, */
  double      start_stiffness; /* or the first check-in after it */
} LimberProgramState;

#define LIMBER_TYPE_PROGRAM_EVENT (limber_program_event_get_type ())
#define LIMBER_TYPE_PROGRAM_STATE (limber_program_state_get_type ())

GType               limber_program_event_get_type (void) G_GNUC_CONST;
LimberProgramEvent *limber_program_event_copy     (const LimberProgramEvent *event);
void                limber_program_event_free     (LimberProgramEvent       *event);

GType               limber_program_state_get_type (void) G_GNUC_CONST;
LimberProgramState *limber_program_state_copy     (const LimberProgramState *state);
void                limber_program_state_free     (LimberProgramState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProgramEvent, limber_program_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberProgramState, limber_program_state_free)

G_END_DECLS

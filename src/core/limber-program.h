/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-routine.h"

G_BEGIN_DECLS

/* A program: a plan of levels that grows with the person. Each level is a
 * routine of its own (the player plays it like any other), or a few parts
 * played at different times of the day, each a routine (a warm-up before
 * a run, a cool-down after); the rules that move someone between levels
 * are in limber-progression.h. Levels and parts are numbered from 1, as
 * the person sees them. */

#define LIMBER_PROGRAM_MAX_LEVELS                  20
#define LIMBER_PROGRAM_MAX_PARTS                   4
#define LIMBER_PROGRAM_DEFAULT_SESSIONS_TO_ADVANCE 3
#define LIMBER_PROGRAM_SESSIONS_TO_ADVANCE_MAX     30

#define LIMBER_TYPE_PROGRAM (limber_program_get_type ())
G_DECLARE_FINAL_TYPE (LimberProgram, limber_program, LIMBER, PROGRAM, GObject)

const char    *limber_program_get_id                  (LimberProgram *self);
const char    *limber_program_get_name                (LimberProgram *self);
const char    *limber_program_get_summary             (LimberProgram *self);
const char    *limber_program_get_source              (LimberProgram *self);
guint          limber_program_get_sessions_to_advance (LimberProgram *self);
guint          limber_program_get_n_levels            (LimberProgram *self);
const char    *limber_program_get_level_name          (LimberProgram *self,
                                                       guint          level);
LimberRoutine *limber_program_get_level_routine       (LimberProgram *self,
                                                       guint          level);
guint          limber_program_get_n_parts             (LimberProgram *self,
                                                       guint          level);
const char    *limber_program_get_part_name           (LimberProgram *self,
                                                       guint          level,
                                                       guint          part);
LimberRoutine *limber_program_get_part_routine        (LimberProgram *self,
                                                       guint          level,
                                                       guint          part);
guint          limber_program_find_level              (LimberProgram *self,
                                                       const char    *routine_id);
guint          limber_program_find_part               (LimberProgram *self,
                                                       const char    *routine_id,
                                                       guint         *part);
char          *limber_program_make_level_routine_id   (const char    *program_id,
                                                       guint          level);
char          *limber_program_make_part_routine_id    (const char    *program_id,
                                                       guint          level,
                                                       guint          part);

/* Used by the catalog loader only. */
LimberProgram *limber_program_new_from_key_file       (GKeyFile      *key_file,
                                                       const char    *text,
                                                       const char    *display_name,
                                                       GHashTable    *exercises,
                                                       gboolean       bundled,
                                                       GError       **error);

G_END_DECLS

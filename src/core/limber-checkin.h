/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A check-in: how the hamstrings feel at one moment, in ten seconds. */

typedef enum
{
  LIMBER_BODY_SIDE_BOTH,
  LIMBER_BODY_SIDE_LEFT,
  LIMBER_BODY_SIDE_RIGHT,
} LimberBodySide;

#define LIMBER_TYPE_BODY_SIDE (limber_body_side_get_type ())
GType limber_body_side_get_type (void);

typedef enum
{
  LIMBER_SYMPTOM_NONE      = 0,
  LIMBER_SYMPTOM_NUMBNESS  = 1 << 0,  /* numbness or tingling */
  LIMBER_SYMPTOM_RADIATING = 1 << 1,  /* pain running down the leg */
  LIMBER_SYMPTOM_WEAKNESS  = 1 << 2,
} LimberSymptoms;

#define LIMBER_MORNING_STIFFNESS_MAX 1440

typedef struct
{
  gint64          id;                   /* 0 until stored */
  GDateTime      *time;                 /* local time of the check-in */
  int             pain;                 /* 0 none … 10 worst imaginable */
  int             stiffness;            /* 0 … 10 */
  LimberBodySide  side;
  int             morning_stiffness;    /* minutes, -1 when not given */
  LimberSymptoms  symptoms;
  char           *note;                 /* any length, may be NULL */
} LimberCheckin;

#define LIMBER_TYPE_CHECKIN (limber_checkin_get_type ())

GType          limber_checkin_get_type        (void) G_GNUC_CONST;
LimberCheckin *limber_checkin_new             (void);
LimberCheckin *limber_checkin_copy            (const LimberCheckin *checkin);
void           limber_checkin_free            (LimberCheckin       *checkin);
gboolean       limber_checkin_validate        (const LimberCheckin *checkin,
                                               GError             **error);
int            limber_checkin_compare         (gconstpointer        a,
                                               gconstpointer        b);

const char    *limber_body_side_to_string     (LimberBodySide       side);
gboolean       limber_body_side_from_string   (const char          *str,
                                               LimberBodySide      *side);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberCheckin, limber_checkin_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "limber-checkin.h"

G_BEGIN_DECLS

/* Why a check-in deserves a healthcare professional's look. */
typedef enum
{
  LIMBER_ADVICE_NONE        = 0,
  LIMBER_ADVICE_NUMBNESS    = 1 << 0,  /* numbness or tingling noted */
  LIMBER_ADVICE_RADIATING   = 1 << 1,  /* pain running down the leg noted */
  LIMBER_ADVICE_WEAKNESS    = 1 << 2,  /* weakness noted */
  LIMBER_ADVICE_HIGH_PAIN   = 1 << 3,  /* pain at LIMBER_ADVISORY_HIGH_PAIN or above */
  LIMBER_ADVICE_RISING_PAIN = 1 << 4,  /* see limber_advisory_check() */
} LimberAdvice;

#define LIMBER_TYPE_ADVICE (limber_advice_get_type ())
GType limber_advice_get_type (void);

#define LIMBER_ADVICE_ALL (LIMBER_ADVICE_NUMBNESS | LIMBER_ADVICE_RADIATING | \
                           LIMBER_ADVICE_WEAKNESS | LIMBER_ADVICE_HIGH_PAIN | \
                           LIMBER_ADVICE_RISING_PAIN)

/* Pain from this value up brings the advisory. */
#define LIMBER_ADVISORY_HIGH_PAIN 8
/* How far back check-ins count for rising pain. */
#define LIMBER_ADVISORY_WINDOW_DAYS 14
/* How many days a reason stays quiet after it was shown. */
#define LIMBER_ADVISORY_QUIET_DAYS 30

LimberAdvice  limber_advisory_check    (const LimberCheckin *saved,
                                        GPtrArray           *recent);
char         *limber_advisory_describe (LimberAdvice         reasons);
const char   *limber_advice_to_string  (LimberAdvice         reason);

G_END_DECLS

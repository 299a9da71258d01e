/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-progression"

#include "limber-time.h"
#include "limber-journal-programs.h"
#include "limber-progression.h"

/* The rules fed from the journal: reads the current program and what
 * happened since its level started, and asks limber_progression_decide(). */

/**
 * limber_progression_evaluate:
 * @journal: the journal
 * @catalog: where the program is looked up
 * @now: the moment of the decision
 * @state: (out) (optional) (transfer full): the program state read
 *
 * Returns: (transfer full) (nullable): the decision; %NULL with no error
 *   when no program is under way or its program is no longer bundled.
 */
LimberProgressionDecision *
limber_progression_evaluate (LimberJournal       *journal,
                             LimberCatalog       *catalog,
                             GDateTime           *now,
                             LimberProgramState **state,
                             GError             **error)
{
  g_autoptr(LimberProgramState) current = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) to = NULL;
  LimberProgram *program;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (state != NULL)
    *state = NULL;
  if (!(current = limber_journal_get_current_program (journal, error)))
    return NULL;
  if (!(program = limber_catalog_lookup_program (catalog, current->program_id)))
    {
      g_debug ("The current program “%s” is not in the catalog", current->program_id);
      return NULL;
    }

  /* up to and including @now */
  to = g_date_time_add_seconds (now, 1);
  if (!(sessions = limber_journal_list_sessions_between (journal, current->level_since, to, error)) ||
      !(checkins = limber_journal_list_checkins (journal, current->level_since, to, error)))
    return NULL;

  if (state != NULL)
    *state = limber_program_state_copy (current);
  return limber_progression_decide (program, current, sessions, checkins, now);
}

/**
 * limber_progression_apply:
 * @decision: a decision of limber_progression_evaluate()
 *
 * Writes an ADVANCE or STEP_BACK as a change of level with its reason; a
 * STAY writes nothing, so the count at the level goes on.
 */
gboolean
limber_progression_apply (LimberJournal                   *journal,
                          const LimberProgressionDecision *decision,
                          GDateTime                       *now,
                          GError                         **error)
{
  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (decision->action == LIMBER_PROGRESSION_STAY)
    return TRUE;
  return limber_journal_change_program_level (journal, decision->new_level, decision->text, now, error);
}

/**
 * limber_progression_get_next_part:
 * @program: the program
 * @level: from 1
 * @now: now; its local day is "today"
 *
 * Returns: the part of @level to play next today, from 1
 *   (limber_progression_next_part()), or 0 with @error
 */
guint
limber_progression_get_next_part (LimberJournal  *journal,
                                  LimberProgram  *program,
                                  guint           level,
                                  GDateTime      *now,
                                  GError        **error)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (LIMBER_IS_PROGRAM (program), 0);
  g_return_val_if_fail (level >= 1 && level <= limber_program_get_n_levels (program), 0);
  g_return_val_if_fail (now != NULL, 0);

  if (limber_program_get_n_parts (program, level) == 1)
    return 1;
  midnight = limber_time_start_of_today (now);
  if (!(sessions = limber_journal_list_sessions_between (journal, midnight, NULL, error)))
    return 0;
  return limber_progression_next_part (program, level, sessions, midnight);
}

/**
 * limber_progression_update:
 * @journal: the journal
 * @catalog: where the program is looked up
 * @now: the moment of the decision, and the date of a change
 * @applied: (out) (optional) (transfer full): the decision written, or
 *   %NULL when nothing was
 *
 * Evaluates the rules and, when they move the level, writes the change
 * with its reason, dated @now. Calling it again at once writes nothing
 * more: the next evaluation starts from the new level, with nothing done
 * at it yet. A read-only journal is only read: nothing is written, and
 * that is not an error (the change is written when the journal can be).
 *
 * Returns: %FALSE with @error when the journal could not be read or
 *   written
 */
gboolean
limber_progression_update (LimberJournal              *journal,
                           LimberCatalog              *catalog,
                           GDateTime                  *now,
                           LimberProgressionDecision **applied,
                           GError                    **error)
{
  g_autoptr(LimberProgressionDecision) decision = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (applied != NULL)
    *applied = NULL;
  decision = limber_progression_evaluate (journal, catalog, now, NULL, &local_error);
  if (decision == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      return TRUE;
    }
  if (decision->action == LIMBER_PROGRESSION_STAY)
    return TRUE;
  if (limber_journal_get_read_only_reason (journal) != NULL)
    {
      g_debug ("Level %u is due, but the journal is read-only: %s", decision->new_level,
               limber_journal_get_read_only_reason (journal));
      return TRUE;
    }
  if (!limber_progression_apply (journal, decision, now, error))
    return FALSE;
  if (applied != NULL)
    *applied = g_steal_pointer (&decision);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-records"

#include "limber-records.h"

/* Copying and freeing the journal's plain records. */

G_DEFINE_BOXED_TYPE (LimberSessionInfo, limber_session_info,
                     limber_session_info_copy, limber_session_info_free)
G_DEFINE_BOXED_TYPE (LimberPartInfo, limber_part_info,
                     limber_part_info_copy, limber_part_info_free)

LimberSessionInfo *
limber_session_info_copy (const LimberSessionInfo *info)
{
  LimberSessionInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new (LimberSessionInfo, 1);
  *copy = *info;
  copy->routine_id = g_strdup (info->routine_id);
  copy->routine_name = g_strdup (info->routine_name);
  copy->started_at = info->started_at ? g_date_time_ref (info->started_at) : NULL;
  copy->ended_at = info->ended_at ? g_date_time_ref (info->ended_at) : NULL;
  return copy;
}

void
limber_session_info_free (LimberSessionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->routine_id);
  g_free (info->routine_name);
  g_clear_pointer (&info->started_at, g_date_time_unref);
  g_clear_pointer (&info->ended_at, g_date_time_unref);
  g_free (info);
}

LimberPartInfo *
limber_part_info_copy (const LimberPartInfo *info)
{
  LimberPartInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new (LimberPartInfo, 1);
  *copy = *info;
  copy->exercise_id = g_strdup (info->exercise_id);
  return copy;
}

void
limber_part_info_free (LimberPartInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->exercise_id);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (LimberReminderInfo, limber_reminder_info,
                     limber_reminder_info_copy, limber_reminder_info_free)

LimberReminderInfo *
limber_reminder_info_copy (const LimberReminderInfo *info)
{
  LimberReminderInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->routine_id = g_strdup (info->routine_id);
  copy->due_at = info->due_at ? g_date_time_ref (info->due_at) : NULL;
  copy->shown_at = info->shown_at ? g_date_time_ref (info->shown_at) : NULL;
  copy->updated_at = info->updated_at ? g_date_time_ref (info->updated_at) : NULL;
  return copy;
}

void
limber_reminder_info_free (LimberReminderInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->routine_id);
  g_clear_pointer (&info->due_at, g_date_time_unref);
  g_clear_pointer (&info->shown_at, g_date_time_unref);
  g_clear_pointer (&info->updated_at, g_date_time_unref);
  g_free (info);
}

/**
 * limber_session_info_compare:
 * @a: a pointer to a #LimberSessionInfo pointer
 * @b: the same
 *
 * For g_ptr_array_sort(): oldest start first, then the order they were
 * written in.
 */
int
limber_session_info_compare (gconstpointer a,
                             gconstpointer b)
{
  const LimberSessionInfo *x = *(LimberSessionInfo * const *) a;
  const LimberSessionInfo *y = *(LimberSessionInfo * const *) b;
  int cmp = g_date_time_compare (x->started_at, y->started_at);

  return cmp != 0 ? cmp : (x->id > y->id) - (x->id < y->id);
}

/**
 * limber_records_sorted_copy:
 * @array: (nullable): records of one kind
 * @compare: how to order them, as for g_ptr_array_sort()
 *
 * Returns: (transfer container): the same records in a new array, sorted;
 *   the records are not copied
 */
GPtrArray *
limber_records_sorted_copy (GPtrArray    *array,
                            GCompareFunc  compare)
{
  GPtrArray *copy = g_ptr_array_sized_new (array != NULL ? array->len : 0);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  g_ptr_array_sort (copy, compare);
  return copy;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "limber-enums.h"

/**
 * limber_enum_to_nick:
 * @enum_type: an enum type
 * @value: one of its values
 *
 * Returns: (nullable): the value's nick, or %NULL when @value is not one of
 *   the type's values
 */
const char *
limber_enum_to_nick (GType enum_type,
                     int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);

  /* the class lives as long as the type, so its strings do too */
  return v != NULL ? v->value_nick : NULL;
}

/**
 * limber_enum_from_nick:
 * @enum_type: an enum type
 * @nick: (nullable): a nick from outside (the journal, a file, the command line)
 * @value: (out): where to store the value
 *
 * Returns: %TRUE if @nick is one of the type's nicks; @value is left alone
 *   otherwise
 */
gboolean
limber_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

/**
 * limber_flag_to_nick:
 * @flags_type: a flags type
 * @flag: exactly one of its flags
 *
 * Returns: (nullable): the flag's nick, or %NULL when @flag is not exactly
 *   one of the type's flags
 */
const char *
limber_flag_to_nick (GType flags_type,
                     guint flag)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == flag && flag != 0)
      return klass->values[i].value_nick;
  return NULL;
}

/**
 * limber_flag_from_nick:
 * @flags_type: a flags type
 * @nick: (nullable): a nick from outside
 * @flag: (out): where to store the flag
 *
 * Returns: %TRUE if @nick is one of the type's nicks; @flag is left alone
 *   otherwise
 */
gboolean
limber_flag_from_nick (GType       flags_type,
                       const char *nick,
                       guint      *flag)
{
  g_autoptr(GFlagsClass) klass = NULL;
  GFlagsValue *v;

  g_return_val_if_fail (flag != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (flags_type);
  v = g_flags_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *flag = v->value;
  return TRUE;
}

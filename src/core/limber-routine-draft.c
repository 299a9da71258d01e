/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

#include <glib/gi18n-lib.h>

#include "limber-catalog-private.h"
#include "limber-routine-draft.h"

struct _LimberRoutineDraft
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *summary;
  int         prepare;       /* -1: the person's default */
  int         switch_sides;
  GListStore *steps;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_PREPARE,
  PROP_SWITCH_SIDES,
  PROP_STEPS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberRoutineDraft, limber_routine_draft, G_TYPE_OBJECT)

static void
limber_routine_draft_finalize (GObject *object)
{
  LimberRoutineDraft *self = (LimberRoutineDraft *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->summary);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (limber_routine_draft_parent_class)->finalize (object);
}

static void
limber_routine_draft_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberRoutineDraft *self = LIMBER_ROUTINE_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_PREPARE:
      g_value_set_int (value, self->prepare);
      break;
    case PROP_SWITCH_SIDES:
      g_value_set_int (value, self->switch_sides);
      break;
    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_draft_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberRoutineDraft *self = LIMBER_ROUTINE_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      limber_routine_draft_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      limber_routine_draft_set_name (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      limber_routine_draft_set_summary (self, g_value_get_string (value));
      break;
    case PROP_PREPARE:
      limber_routine_draft_set_prepare (self, g_value_get_int (value));
      break;
    case PROP_SWITCH_SIDES:
      limber_routine_draft_set_switch_sides (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_draft_class_init (LimberRoutineDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = limber_routine_draft_finalize;
  object_class->get_property = limber_routine_draft_get_property;
  object_class->set_property = limber_routine_draft_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_PREPARE] = g_param_spec_int ("prepare", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_SWITCH_SIDES] = g_param_spec_int ("switch-sides", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_STEPS] = g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberRoutineDraft::changed:
   *
   * Emitted after any change of the draft or of one of its steps, so that
   * the editor can update the routine's length as the person types.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
emit_changed (LimberRoutineDraft *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_items_changed (LimberRoutineDraft *self)
{
  emit_changed (self);
}

static void
limber_routine_draft_init (LimberRoutineDraft *self)
{
  self->name = g_strdup ("");
  self->summary = g_strdup ("");
  self->prepare = -1;
  self->switch_sides = -1;
  self->steps = g_list_store_new (LIMBER_TYPE_STEP_DRAFT);
  g_signal_connect_swapped (self->steps, "items-changed", G_CALLBACK (on_items_changed), self);
}

LimberRoutineDraft *
limber_routine_draft_new (void)
{
  return g_object_new (LIMBER_TYPE_ROUTINE_DRAFT, NULL);
}

/**
 * limber_routine_draft_new_from_routine:
 *
 * Returns: (transfer full): a draft of @routine, to edit it.
 */
LimberRoutineDraft *
limber_routine_draft_new_from_routine (LimberRoutine *routine)
{
  LimberRoutineDraft *self;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);

  self = limber_routine_draft_new ();
  self->id = g_strdup (limber_routine_get_id (routine));
  g_free (self->name);
  self->name = g_strdup (limber_routine_get_name (routine));
  g_free (self->summary);
  self->summary = g_strdup (limber_routine_get_summary (routine));
  _limber_routine_get_own_timings (routine, &self->prepare, &self->switch_sides);

  for (guint i = 0; i < limber_routine_get_n_steps (routine); i++)
    {
      g_autoptr(LimberStepDraft) step = limber_step_draft_new_from_step (limber_routine_get_step (routine, i));

      limber_routine_draft_append_step (self, step);
    }
  return self;
}

/**
 * limber_routine_draft_new_duplicate:
 *
 * Returns: (transfer full): a draft of a new routine like @routine, without
 * an id, named “Copy of …”.
 */
LimberRoutineDraft *
limber_routine_draft_new_duplicate (LimberRoutine *routine)
{
  LimberRoutineDraft *self = limber_routine_draft_new_from_routine (routine);
  g_autofree char *name = NULL;

  g_clear_pointer (&self->id, g_free);
  /* Translators: the name of a duplicated routine */
  name = g_strdup_printf (_("Copy of %s"), self->name);
  /* keep within the name's limit, cutting whole characters */
  if (g_utf8_strlen (name, -1) > LIMBER_NAME_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (name, LIMBER_NAME_MAX_CHARS);

      *end = '\0';
    }
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  return self;
}

static void
set_string (LimberRoutineDraft  *self,
            char               **field,
            const char          *value,
            guint                prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

const char *
limber_routine_draft_get_id (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);
  return self->id;
}

void
limber_routine_draft_set_id (LimberRoutineDraft *self,
                             const char         *id)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  set_string (self, &self->id, id, PROP_ID);
}

const char *
limber_routine_draft_get_name (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);
  return self->name;
}

void
limber_routine_draft_set_name (LimberRoutineDraft *self,
                               const char         *name)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  set_string (self, &self->name, name ? name : "", PROP_NAME);
}

const char *
limber_routine_draft_get_summary (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);
  return self->summary;
}

void
limber_routine_draft_set_summary (LimberRoutineDraft *self,
                                  const char         *summary)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  set_string (self, &self->summary, summary ? summary : "", PROP_SUMMARY);
}

int
limber_routine_draft_get_prepare (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), -1);
  return self->prepare;
}

void
limber_routine_draft_set_prepare (LimberRoutineDraft *self,
                                  int                 prepare)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));

  prepare = MAX (prepare, -1);
  if (self->prepare != prepare)
    {
      self->prepare = prepare;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREPARE]);
      emit_changed (self);
    }
}

int
limber_routine_draft_get_switch_sides (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), -1);
  return self->switch_sides;
}

void
limber_routine_draft_set_switch_sides (LimberRoutineDraft *self,
                                       int                 switch_sides)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));

  switch_sides = MAX (switch_sides, -1);
  if (self->switch_sides != switch_sides)
    {
      self->switch_sides = switch_sides;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCH_SIDES]);
      emit_changed (self);
    }
}

/**
 * limber_routine_draft_get_steps:
 *
 * Returns: (transfer none): the steps, a GListModel of LimberStepDraft.
 * Change it with the functions below, not as a GListStore.
 */
GListModel *
limber_routine_draft_get_steps (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);
  return G_LIST_MODEL (self->steps);
}

guint
limber_routine_draft_get_n_steps (LimberRoutineDraft *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/**
 * limber_routine_draft_get_step:
 *
 * Returns: (transfer none) (nullable): the step at @position.
 */
LimberStepDraft *
limber_routine_draft_get_step (LimberRoutineDraft *self,
                               guint               position)
{
  g_autoptr(LimberStepDraft) step = NULL;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);

  /* the store keeps its reference */
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  return step;
}

static void
on_step_notify (LimberRoutineDraft *self)
{
  emit_changed (self);
}

void
limber_routine_draft_insert_step (LimberRoutineDraft *self,
                                  guint               position,
                                  LimberStepDraft    *step)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  g_return_if_fail (LIMBER_IS_STEP_DRAFT (step));

  position = MIN (position, limber_routine_draft_get_n_steps (self));
  /* connected once per step, however often it moves */
  if (g_signal_handler_find (step, G_SIGNAL_MATCH_DATA | G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                             on_step_notify, self) == 0)
    g_signal_connect_object (step, "notify", G_CALLBACK (on_step_notify), self, G_CONNECT_SWAPPED);
  g_list_store_insert (self->steps, position, step);
}

void
limber_routine_draft_append_step (LimberRoutineDraft *self,
                                  LimberStepDraft    *step)
{
  limber_routine_draft_insert_step (self, G_MAXUINT, step);
}

void
limber_routine_draft_remove_step (LimberRoutineDraft *self,
                                  guint               position)
{
  g_autoptr(LimberStepDraft) step = NULL;

  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  g_return_if_fail (position < limber_routine_draft_get_n_steps (self));

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  g_signal_handlers_disconnect_by_func (step, on_step_notify, self);
  g_list_store_remove (self->steps, position);
}

/**
 * limber_routine_draft_move_step:
 * @from: the step's position
 * @to: its position after the move
 */
void
limber_routine_draft_move_step (LimberRoutineDraft *self,
                                guint               from,
                                guint               to)
{
  g_autoptr(LimberStepDraft) step = NULL;
  guint n;

  g_return_if_fail (LIMBER_IS_ROUTINE_DRAFT (self));
  n = limber_routine_draft_get_n_steps (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

static void
clear_step (gpointer data)
{
  g_clear_object (&((LimberRoutineStep *) data)->exercise);
}

/**
 * limber_routine_draft_get_duration:
 *
 * Returns: the routine's length in seconds as the player would play it,
 * with @catalog's transition times; steps whose exercise is unknown count
 * nothing, and values out of range count as the nearest allowed one.
 */
guint
limber_routine_draft_get_duration (LimberRoutineDraft *self,
                                   LimberCatalog      *catalog)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, TRUE, sizeof (LimberRoutineStep));
  g_autoptr(LimberRoutine) routine = NULL;
  guint n, prepare, switch_sides;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), 0);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), 0);

  g_array_set_clear_func (steps, clear_step);
  n = limber_routine_draft_get_n_steps (self);
  for (guint i = 0; i < n; i++)
    {
      LimberStepDraft *draft = limber_routine_draft_get_step (self, i);
      const char *id = limber_step_draft_get_exercise_id (draft);
      LimberExercise *exercise = id ? limber_catalog_lookup_exercise (catalog, id) : NULL;
      LimberRoutineStep step = {
        exercise ? g_object_ref (exercise) : NULL,
        limber_step_draft_get_hold (draft),
        limber_step_draft_get_repetitions (draft),
        limber_step_draft_get_tempo (draft),
        limber_step_draft_get_sets (draft),
        limber_step_draft_get_set_rest (draft),
        limber_step_draft_get_rest (draft),
        limber_step_draft_get_sides (draft),
      };

      if (exercise != NULL)
        g_array_append_val (steps, step);
    }

  routine = _limber_routine_new_unchecked (self->name, self->prepare, self->switch_sides, steps);
  _limber_catalog_get_default_timings (catalog, &prepare, &switch_sides);
  limber_routine_set_default_timings (routine, prepare, switch_sides);
  return limber_routine_get_duration (routine);
}

static gboolean
fail (guint            *bad_step,
      guint             step,
      LimberDraftField *bad_field,
      LimberDraftField  field)
{
  if (bad_step)
    *bad_step = step;
  if (bad_field)
    *bad_field = field;
  return FALSE;
}

/**
 * limber_routine_draft_check:
 * @bad_step: (out) (optional): the index of the wrong step, when the
 *   field is one of a step's
 * @bad_field: (out) (optional): the first field that is wrong
 *
 * Checks the draft field by field. limber_catalog_save_routine() also
 * checks the file it would write with the catalog's loader.
 *
 * Returns: %TRUE if it can be saved, else %FALSE with a translated reason.
 */
gboolean
limber_routine_draft_check (LimberRoutineDraft  *self,
                            LimberCatalog       *catalog,
                            guint               *bad_step,
                            LimberDraftField    *bad_field,
                            GError             **error)
{
  guint n;

  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), FALSE);

  if (bad_step)
    *bad_step = 0;
  if (bad_field)
    *bad_field = LIMBER_DRAFT_FIELD_NONE;

  if (!limber_check_name (self->name, error))
    return fail (bad_step, 0, bad_field, LIMBER_DRAFT_FIELD_NAME);
  if (!limber_check_summary (self->summary, error))
    return fail (bad_step, 0, bad_field, LIMBER_DRAFT_FIELD_SUMMARY);
  if (self->prepare > LIMBER_PREPARE_MAX &&
      !limber_check_number (self->prepare, 0, LIMBER_PREPARE_MAX, error))
    return fail (bad_step, 0, bad_field, LIMBER_DRAFT_FIELD_PREPARE);
  if (self->switch_sides > LIMBER_SWITCH_SIDES_MAX &&
      !limber_check_number (self->switch_sides, 0, LIMBER_SWITCH_SIDES_MAX, error))
    return fail (bad_step, 0, bad_field, LIMBER_DRAFT_FIELD_SWITCH_SIDES);

  n = limber_routine_draft_get_n_steps (self);
  if (n == 0)
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_MISSING_KEY,
                           _("Add at least one exercise"));
      return fail (bad_step, 0, bad_field, LIMBER_DRAFT_FIELD_STEPS);
    }
  if (n > LIMBER_ROUTINE_MAX_STEPS)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_OUT_OF_RANGE,
                   _("A routine can have at most %d steps"), LIMBER_ROUTINE_MAX_STEPS);
      return fail (bad_step, LIMBER_ROUTINE_MAX_STEPS, bad_field, LIMBER_DRAFT_FIELD_STEPS);
    }

  for (guint i = 0; i < n; i++)
    {
      LimberDraftField field;

      if (!limber_step_draft_check (limber_routine_draft_get_step (self, i), catalog, &field, error))
        return fail (bad_step, i, bad_field, field);
    }

  return TRUE;
}

/**
 * limber_routine_draft_to_text:
 *
 * Returns: (transfer full): the draft as the text of a `.routine` file.
 * An unsaved draft is written with an empty Id, which does not load: the
 * catalog gives it one when it saves it.
 */
char *
limber_routine_draft_to_text (LimberRoutineDraft *self,
                              LimberCatalog      *catalog)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_DRAFT (self), NULL);
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);

  return _limber_routine_draft_to_text_with (self, _limber_catalog_get_exercise_table (catalog));
}

/* As limber_routine_draft_to_text(), the steps' exercises looked up in
 * @exercises (id → LimberExercise), such as those an install is about to
 * add. */
char *
_limber_routine_draft_to_text_with (LimberRoutineDraft *self,
                                    GHashTable         *exercises)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  guint n;

  g_key_file_set_string (key_file, "Routine", "Id", self->id ? self->id : "");
  g_key_file_set_string (key_file, "Routine", "Name", self->name);
  if (*self->summary != '\0')
    g_key_file_set_string (key_file, "Routine", "Summary", self->summary);
  if (self->prepare >= 0)
    g_key_file_set_integer (key_file, "Routine", "Prepare", self->prepare);
  if (self->switch_sides >= 0)
    g_key_file_set_integer (key_file, "Routine", "SwitchSides", self->switch_sides);

  n = limber_routine_draft_get_n_steps (self);
  for (guint i = 0; i < n; i++)
    {
      LimberStepDraft *step = limber_routine_draft_get_step (self, i);
      g_autofree char *group = g_strdup_printf ("Step %u", i + 1);
      const char *id = limber_step_draft_get_exercise_id (step);
      LimberExercise *exercise = id ? g_hash_table_lookup (exercises, id) : NULL;
      gboolean counted = exercise ? limber_exercise_get_repetitions (exercise) > 0
                                  : limber_step_draft_get_repetitions (step) > 0;

      g_key_file_set_string (key_file, group, "Exercise", id ? id : "");
      if (counted)
        {
          g_key_file_set_uint64 (key_file, group, "Repetitions", limber_step_draft_get_repetitions (step));
          g_key_file_set_uint64 (key_file, group, "Tempo", limber_step_draft_get_tempo (step));
        }
      else
        g_key_file_set_uint64 (key_file, group, "Hold", limber_step_draft_get_hold (step));
      g_key_file_set_uint64 (key_file, group, "Sets", limber_step_draft_get_sets (step));
      g_key_file_set_uint64 (key_file, group, "SetRest", limber_step_draft_get_set_rest (step));
      if (limber_step_draft_get_rest (step) > 0)
        g_key_file_set_uint64 (key_file, group, "Rest", limber_step_draft_get_rest (step));
      if (limber_step_draft_get_sides (step) != LIMBER_SIDES_BOTH)
        g_key_file_set_string (key_file, group, "Sides",
                               limber_step_draft_get_sides (step) == LIMBER_SIDES_LEFT ? "left" : "right");
    }

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "limber-exercise-editor.h"
#include "limber-illustration.h"

G_BEGIN_DECLS

/* A field and the line under it that explains it or says what is wrong. */
typedef struct
{
  GtkWidget  *widget;
  GtkWidget  *input;        /* the row's own field, described too; or NULL */
  GtkWidget  *message_box;  /* the row holding @message, or @message itself */
  GtkLabel   *message;
  const char *hint;         /* shown while nothing is wrong */
  gboolean    touched;
} Field;

typedef enum
{
  FIELD_NAME,
  FIELD_SUMMARY,
  FIELD_MUSCLES,
  FIELD_CAUTION,
  FIELD_STEPS,
  FIELD_HOLD,
  FIELD_HOLD_MIN,
  FIELD_HOLD_MAX,
  FIELD_REPETITIONS,
  FIELD_TEMPO,
  FIELD_SETS,
  FIELD_SET_REST,
  FIELD_PICTURE,
  N_FIELDS
} FieldId;

typedef struct
{
  Field      field;
  GtkWidget *remove_button;
} Step;

struct _LimberExerciseEditor
{
  AdwWindow            parent_instance;

  LimberCatalog       *catalog;
  LimberExerciseDraft *draft;
  Field                fields[N_FIELDS];
  GPtrArray           *steps;          /* Step */
  GPtrArray           *imported;       /* picture file names copied by this form */
  char                *picture_error;
  GtkFileChooserNative *chooser;
  gboolean             loading;
  gboolean             busy;
  gboolean             closed;

  AdwToastOverlay     *toast_overlay;
  GtkLabel            *window_title;
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwEntryRow         *summary_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *muscles_row;
  GtkListBox          *steps_list;
  GtkWidget           *steps_error;
  GtkWidget           *add_step_button;
  GtkTextView         *caution_view;
  GtkWidget           *caution_error;
  AdwComboRow         *timing_row;
  GtkWidget           *hold_row;
  AdwExpanderRow      *hold_range_row;
  GtkWidget           *hold_min_row;
  GtkWidget           *hold_max_row;
  GtkSpinButton       *hold_min_spin;
  GtkSpinButton       *hold_max_spin;
  GtkWidget           *repetitions_row;
  GtkWidget           *tempo_row;
  GtkWidget           *sets_row;
  GtkWidget           *set_rest_row;
  GtkSpinButton       *hold_spin;
  GtkSpinButton       *repetitions_spin;
  GtkSpinButton       *tempo_spin;
  GtkSpinButton       *sets_spin;
  GtkSpinButton       *set_rest_spin;
  GtkSwitch           *each_side_switch;
  AdwActionRow        *picture_row;
  GtkStack            *preview_stack;
  LimberIllustration  *preview;
  GtkSpinner          *picture_spinner;
  GtkWidget           *choose_row;
  GtkWidget           *drawing_row;
  GtkMenuButton       *drawing_button;
  GtkListBox          *drawings_list;
  GtkWidget           *mirror_row;
  GtkSwitch           *mirror_switch;
  GtkWidget           *delete_button;
};

void _limber_exercise_editor_changed          (LimberExerciseEditor *self);
void _limber_exercise_editor_show_picture     (LimberExerciseEditor *self);
void _limber_exercise_editor_set_busy         (LimberExerciseEditor *self,
                                               gboolean              busy);
void _limber_exercise_editor_forget_picture   (LimberExerciseEditor *self,
                                               const char           *name);
void _limber_exercise_editor_fill_drawings    (LimberExerciseEditor *self);
void _limber_exercise_editor_drawing_activated (GtkListBox          *list,
                                                GtkListBoxRow       *row,
                                                LimberExerciseEditor *self);
void _limber_exercise_editor_choose_picture   (GtkWidget            *widget,
                                               const char           *action_name,
                                               GVariant             *param);
void _limber_exercise_editor_no_picture       (GtkWidget            *widget,
                                               const char           *action_name,
                                               GVariant             *param);

G_END_DECLS

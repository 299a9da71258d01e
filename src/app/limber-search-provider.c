/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-search"

#include <glib/gi18n.h>
#include <string.h>

#include "limber-check.h"
#include "limber-search-provider.h"
#include "limber-shell-search-provider.h"
#include "limber-window.h"

/* GNOME Shell's search (org.gnome.Shell.SearchProvider2): the overview
 * asks for the routines and exercises that match what was typed, then for
 * their names, a line about each and a picture.
 *
 * Every word typed must match, in any order, as the start of a word
 * (g_str_match_string(): without regard to case, and accents fold to
 * ASCII, so "etirement" finds "Étirement"). A routine is searched by its
 * name, and then by its summary and kinds; an exercise by its name, and
 * then by its muscles and kind: each by its own words for what it works.
 * (Not a routine by its exercises' muscles: every routine would then match
 * "hamstring", and the few rows the overview shows would hold no
 * exercise.) The texts are those shown, translated when the catalog was
 * loaded. Routines come before exercises; within each, words found in the
 * name rank first, then a name that starts with the search, then the
 * name's order.
 *
 * Result ids are "routine:ID" and "exercise:ID". What comes back over the
 * bus is checked (limber_check_is_id()) before it is looked up; an id
 * that is malformed or unknown is left out without a warning, since the
 * catalog may have changed since the search. */
struct _LimberSearchProvider
{
  GObject                    parent_instance;

  LimberApplication         *application;  /* weak: it owns the provider */
  LimberShellSearchProvider2 *skeleton;
};

G_DEFINE_FINAL_TYPE (LimberSearchProvider, limber_search_provider, G_TYPE_OBJECT)

#define ROUTINE_PREFIX  "routine:"
#define EXERCISE_PREFIX "exercise:"

typedef struct
{
  char     *result_id;
  gboolean  is_routine;
  guint     score;
  char     *sort_key;
} Hit;

static void
hit_free (Hit *hit)
{
  g_free (hit->result_id);
  g_free (hit->sort_key);
  g_free (hit);
}

/* Each term must be found in the name or in the rest; those found in the
 * name count double, and a name that starts with the whole search gets one
 * more. 0 when a term is missing. */
static guint
score_text (const char * const *terms,
            const char         *name,
            const char         *rest)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) terms);
  g_autofree char *folded_search = g_utf8_casefold (joined, -1);
  g_autofree char *folded_name = g_utf8_casefold (name, -1);
  guint score = 0;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (g_str_match_string (terms[i], name, TRUE))
        score += 2;
      else if (g_str_match_string (terms[i], rest, TRUE))
        score += 1;
      else
        return 0;
    }
  if (g_str_has_prefix (folded_name, folded_search))
    score += 1;
  return score;
}

static char *
exercise_search_text (LimberExercise *exercise)
{
  return limber_exercise_dup_search_text (exercise);
}

static char *
routine_search_text (LimberRoutine *routine)
{
  g_autofree char *kinds = limber_exercise_kinds_describe (limber_routine_get_kinds (routine));

  return g_strjoin (" ", limber_routine_get_summary (routine), kinds, NULL);
}

static Hit *
hit_new (gboolean    is_routine,
         const char *id,
         const char *name,
         guint       score)
{
  Hit *hit = g_new0 (Hit, 1);

  hit->is_routine = is_routine;
  hit->result_id = g_strconcat (is_routine ? ROUTINE_PREFIX : EXERCISE_PREFIX, id, NULL);
  hit->score = score;
  hit->sort_key = g_utf8_collate_key (name, -1);
  return hit;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = *(const Hit **) a;
  const Hit *y = *(const Hit **) b;
  int order;

  if (x->is_routine != y->is_routine)
    return x->is_routine ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  order = strcmp (x->sort_key, y->sort_key);
  return order != 0 ? order : strcmp (x->result_id, y->result_id);
}

/* The terms that hold a word: a lone "-" or "·" would match everything. */
static GStrv
usable_terms (const char * const *terms)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_auto(GStrv) tokens = g_str_tokenize_and_fold (terms[i], NULL, NULL);

      if (tokens[0] != NULL)
        g_strv_builder_add (builder, terms[i]);
    }
  return g_strv_builder_end (builder);
}

/* The result ids that match every term, best first. */
static GStrv
search (LimberSearchProvider *self,
        const char * const   *terms)
{
  LimberCatalog *catalog = limber_application_get_catalog (self->application);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = usable_terms (terms);
  GListModel *list;

  if (catalog == NULL || words[0] == NULL)
    return g_strv_builder_end (builder);

  list = limber_catalog_get_routines (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (list, i);
      g_autofree char *rest = routine_search_text (routine);
      guint score = score_text ((const char * const *) words, limber_routine_get_name (routine), rest);

      if (score > 0)
        g_ptr_array_add (hits, hit_new (TRUE, limber_routine_get_id (routine),
                                        limber_routine_get_name (routine), score));
    }

  list = limber_catalog_get_exercises (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (list, i);
      g_autofree char *rest = NULL;
      guint score;

      if (limber_exercise_is_hidden (exercise))
        continue;
      rest = exercise_search_text (exercise);
      score = score_text ((const char * const *) words, limber_exercise_get_name (exercise), rest);
      if (score > 0)
        g_ptr_array_add (hits, hit_new (FALSE, limber_exercise_get_id (exercise),
                                        limber_exercise_get_name (exercise), score));
    }

  g_ptr_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (builder, ((Hit *) g_ptr_array_index (hits, i))->result_id);
  return g_strv_builder_end (builder);
}

/* What a result id names, or FALSE (and nothing said) for one that is
 * malformed, unknown, or an exercise that was deleted. */
static gboolean
lookup_result (LimberSearchProvider  *self,
               const char            *result_id,
               LimberRoutine        **routine,
               LimberExercise       **exercise)
{
  LimberCatalog *catalog = limber_application_get_catalog (self->application);
  const char *id;

  *routine = NULL;
  *exercise = NULL;
  if (catalog == NULL || result_id == NULL)
    return FALSE;

  if (g_str_has_prefix (result_id, ROUTINE_PREFIX))
    {
      id = result_id + strlen (ROUTINE_PREFIX);
      if (limber_check_is_id (id))
        *routine = limber_catalog_lookup_routine (catalog, id);
    }
  else if (g_str_has_prefix (result_id, EXERCISE_PREFIX))
    {
      id = result_id + strlen (EXERCISE_PREFIX);
      if (limber_check_is_id (id))
        *exercise = limber_catalog_lookup_exercise (catalog, id);
      if (*exercise != NULL && limber_exercise_is_hidden (*exercise))
        *exercise = NULL;
    }

  if (*routine == NULL && *exercise == NULL)
    {
      g_debug ("No result %s", result_id);
      return FALSE;
    }
  return TRUE;
}

/* The exercise's picture as the shell can load it: the shell cannot read
 * Limber's GResource, so a bundled drawing goes over the bus as its SVG
 * bytes (a GBytesIcon, about a kilobyte); an own photo as its file, which
 * the shell, running as the same person, can read. Without either, the
 * application's icon. A mirrored picture is sent as it is drawn. */
static GIcon *
exercise_icon (LimberExercise *exercise)
{
  const char *path = limber_exercise_get_picture_path (exercise);

  switch (limber_exercise_get_picture_source (exercise))
    {
    case LIMBER_PICTURE_RESOURCE:
      {
        g_autoptr(GBytes) bytes = path ? g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL) : NULL;

        if (bytes != NULL)
          return g_bytes_icon_new (bytes);
      }
      break;
    case LIMBER_PICTURE_FILE:
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          return g_file_icon_new (file);
        }
      break;
    case LIMBER_PICTURE_NONE:
    default:
      break;
    }
  return g_themed_icon_new (LIMBER_APP_ID);
}

static GVariant *
describe_routine (const char    *result_id,
                  LimberRoutine *routine)
{
  GVariantBuilder meta;
  guint n_steps = limber_routine_get_n_steps (routine);
  g_autofree char *duration = limber_format_duration_rounded (limber_routine_get_duration (routine));
  g_autofree char *description = NULL;
  LimberExercise *cover = limber_routine_get_cover (routine);
  g_autoptr(GIcon) icon = cover ? exercise_icon (cover) : g_themed_icon_new (LIMBER_APP_ID);

  /* the same line as the routine's page */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u exercise", "%s · %u exercises", n_steps),
                                 duration, n_steps);

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (result_id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (limber_routine_get_name (routine)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
  return g_variant_builder_end (&meta);
}

static GVariant *
describe_exercise (const char     *result_id,
                   LimberExercise *exercise)
{
  GVariantBuilder meta;
  g_autofree char *muscles = g_strjoinv (", ", (char **) limber_exercise_get_muscles (exercise));
  const char *kind = limber_exercise_kind_describe (limber_exercise_get_kind (exercise));
  g_autofree char *description = NULL;
  g_autoptr(GIcon) icon = exercise_icon (exercise);

  if (*muscles != '\0')
    /* Translators: an exercise's kind, then the muscles it works */
    description = g_strdup_printf (_("%s · %s"), kind, muscles);
  else
    description = g_strdup (kind);

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (result_id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (limber_exercise_get_name (exercise)));
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
  return g_variant_builder_end (&meta);
}

/* Each call holds the application, so that a Limber started by the shell
 * only to search stays for a while after the last search, then leaves. */
static gboolean
handle_get_initial_result_set (LimberSearchProvider  *self,
                               GDBusMethodInvocation *invocation,
                               const char * const    *terms)
{
  g_auto(GStrv) results = NULL;

  g_application_hold (G_APPLICATION (self->application));
  results = search (self, terms);
  limber_shell_search_provider2_complete_get_initial_result_set (self->skeleton, invocation,
                                                                 (const char * const *) results);
  g_application_release (G_APPLICATION (self->application));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The new search's results that were among the previous ones, in the
 * new search's order. */
static gboolean
handle_get_subsearch_result_set (LimberSearchProvider  *self,
                                 GDBusMethodInvocation *invocation,
                                 const char * const    *previous,
                                 const char * const    *terms)
{
  g_auto(GStrv) results = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) narrowed = NULL;

  g_application_hold (G_APPLICATION (self->application));
  results = search (self, terms);
  for (guint i = 0; results[i] != NULL; i++)
    if (g_strv_contains (previous, results[i]))
      g_strv_builder_add (builder, results[i]);
  narrowed = g_strv_builder_end (builder);
  limber_shell_search_provider2_complete_get_subsearch_result_set (self->skeleton, invocation,
                                                                   (const char * const *) narrowed);
  g_application_release (G_APPLICATION (self->application));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static gboolean
handle_get_result_metas (LimberSearchProvider  *self,
                         GDBusMethodInvocation *invocation,
                         const char * const    *identifiers)
{
  GVariantBuilder metas;

  g_application_hold (G_APPLICATION (self->application));
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      LimberRoutine *routine;
      LimberExercise *exercise;

      if (!lookup_result (self, identifiers[i], &routine, &exercise))
        continue;
      if (routine != NULL)
        g_variant_builder_add_value (&metas, describe_routine (identifiers[i], routine));
      else
        g_variant_builder_add_value (&metas, describe_exercise (identifiers[i], exercise));
    }
  limber_shell_search_provider2_complete_get_result_metas (self->skeleton, invocation,
                                                           g_variant_builder_end (&metas));
  g_application_release (G_APPLICATION (self->application));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The main window, made and shown as for any activation, then raised with
 * the time of the click in the overview. */
static LimberWindow *
present_window (LimberSearchProvider *self,
                guint32               timestamp)
{
  g_application_activate (G_APPLICATION (self->application));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      {
        gtk_window_present_with_time (GTK_WINDOW (l->data), timestamp);
        return l->data;
      }
  return NULL;
}

/* A routine starts at once, as from a reminder's Start; an exercise opens
 * in its own window over the main one. */
static gboolean
handle_activate_result (LimberSearchProvider  *self,
                        GDBusMethodInvocation *invocation,
                        const char            *identifier,
                        const char * const    *terms,
                        guint32                timestamp)
{
  LimberRoutine *routine;
  LimberExercise *exercise;

  g_application_hold (G_APPLICATION (self->application));
  if (lookup_result (self, identifier, &routine, &exercise))
    {
      LimberWindow *window = present_window (self, timestamp);

      if (window != NULL && routine != NULL)
        limber_window_start_routine (window, routine);
      else if (window != NULL)
        limber_window_show_exercise (window, exercise);
    }
  limber_shell_search_provider2_complete_activate_result (self->skeleton, invocation);
  g_application_release (G_APPLICATION (self->application));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

/* The routine list has no search of its own: the window opens on it. */
static gboolean
handle_launch_search (LimberSearchProvider  *self,
                      GDBusMethodInvocation *invocation,
                      const char * const    *terms,
                      guint32                timestamp)
{
  LimberWindow *window;

  g_application_hold (G_APPLICATION (self->application));
  window = present_window (self, timestamp);
  if (window != NULL)
    limber_window_show_routines (window);
  limber_shell_search_provider2_complete_launch_search (self->skeleton, invocation);
  g_application_release (G_APPLICATION (self->application));
  return G_DBUS_METHOD_INVOCATION_HANDLED;
}

static void
limber_search_provider_dispose (GObject *object)
{
  LimberSearchProvider *self = LIMBER_SEARCH_PROVIDER (object);

  limber_search_provider_unregister (self);
  g_clear_object (&self->skeleton);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (limber_search_provider_parent_class)->dispose (object);
}

static void
limber_search_provider_class_init (LimberSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_search_provider_dispose;
}

static void
limber_search_provider_init (LimberSearchProvider *self)
{
  self->skeleton = limber_shell_search_provider2_skeleton_new ();
  g_signal_connect_swapped (self->skeleton, "handle-get-initial-result-set",
                            G_CALLBACK (handle_get_initial_result_set), self);
  g_signal_connect_swapped (self->skeleton, "handle-get-subsearch-result-set",
                            G_CALLBACK (handle_get_subsearch_result_set), self);
  g_signal_connect_swapped (self->skeleton, "handle-get-result-metas",
                            G_CALLBACK (handle_get_result_metas), self);
  g_signal_connect_swapped (self->skeleton, "handle-activate-result",
                            G_CALLBACK (handle_activate_result), self);
  g_signal_connect_swapped (self->skeleton, "handle-launch-search",
                            G_CALLBACK (handle_launch_search), self);
}

/**
 * limber_search_provider_new:
 * @application: the application whose catalog is searched; it is not
 *   referenced, since the application keeps the provider
 */
LimberSearchProvider *
limber_search_provider_new (LimberApplication *application)
{
  LimberSearchProvider *self;

  g_return_val_if_fail (LIMBER_IS_APPLICATION (application), NULL);

  self = g_object_new (LIMBER_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);
  return self;
}

/**
 * limber_search_provider_register:
 * @object_path: where to export the interface, such as
 *   /io/github/limber/Limber/SearchProvider
 *
 * Exports the interface on @connection, from GApplication's dbus_register.
 */
gboolean
limber_search_provider_register (LimberSearchProvider *self,
                                 GDBusConnection      *connection,
                                 const char           *object_path,
                                 GError              **error)
{
  g_return_val_if_fail (LIMBER_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (g_variant_is_object_path (object_path), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, object_path, error);
}

void
limber_search_provider_unregister (LimberSearchProvider *self)
{
  g_return_if_fail (LIMBER_IS_SEARCH_PROVIDER (self));

  if (self->skeleton != NULL &&
      g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}

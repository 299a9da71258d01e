/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fake-ssip.h"

/* The replies are those of Speech Dispatcher 0.11 (src/server/msg.h in
 * its source, and the SSIP manual): a reply is one or more lines of a
 * three-digit code, '-' before the last line and ' ' on it. Lines end in
 * CR LF. After SPEAK the client sends the message, lines starting with a
 * dot doubled, ended by a line holding a single dot. */

#define WAIT_SECONDS 20

struct _FakeSsip
{
  char         *path;
  char         *address;
  GSocket      *listener;
  GCancellable *cancellable;
  GThread      *thread;

  GMutex        mutex;
  GPtrArray    *log;
  guint         hang_up_after;   /* texts; 0 for never */
  int           mute_after;      /* texts; -1 for never */
  gboolean      muted;
  guint         n_texts;
  guint         next_id;
};

static void
record (FakeSsip   *self,
        const char *entry)
{
  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->log, g_strdup (entry));
  g_mutex_unlock (&self->mutex);
  /* waiters iterate the main context */
  g_main_context_wakeup (NULL);
}

static gboolean
reply (FakeSsip      *self,
       GOutputStream *out,
       const char    *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) buffer = g_string_new (NULL);
  gboolean muted;

  g_mutex_lock (&self->mutex);
  muted = self->muted;
  g_mutex_unlock (&self->mutex);
  /* a daemon that hangs: it reads on, and never answers */
  if (muted)
    return TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (buffer, "%s\r\n", lines[i]);
  return g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, NULL);
}

static gboolean
starts_with_word (const char *line,
                  const char *word)
{
  gsize len = strlen (word);

  return g_ascii_strncasecmp (line, word, len) == 0 &&
         (line[len] == '\0' || line[len] == ' ');
}

static const char *
answer_set (const char *line)
{
  /* SET SELF <what> <value> */
  g_auto(GStrv) words = g_strsplit (line, " ", 4);

  if (g_strv_length (words) < 4 || g_ascii_strcasecmp (words[1], "SELF") != 0)
    return "300 ERR INTERNAL";
  if (g_ascii_strcasecmp (words[2], "CLIENT_NAME") == 0)
    return "208 OK CLIENT NAME SET";
  if (g_ascii_strcasecmp (words[2], "PRIORITY") == 0)
    return "202 OK PRIORITY SET";
  if (g_ascii_strcasecmp (words[2], "LANGUAGE") == 0)
    return "201 OK LANGUAGE SET";
  if (g_ascii_strcasecmp (words[2], "RATE") == 0)
    return "203 OK RATE SET";
  if (g_ascii_strcasecmp (words[2], "VOLUME") == 0)
    return "218 OK VOLUME SET";
  if (g_ascii_strcasecmp (words[2], "OUTPUT_MODULE") == 0)
    return "216 OK OUTPUT MODULE SET";
  return "300 ERR INTERNAL";
}

/* Serves one client until it goes; FALSE to stop serving. */
static void
serve (FakeSsip *self,
       GSocket  *socket)
{
  g_autoptr(GSocketConnection) connection = g_socket_connection_factory_create_connection (socket);
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  record (self, "CONNECT");

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, self->cancellable, NULL);

      if (line == NULL)
        break;

      record (self, line);

      if (starts_with_word (line, "SPEAK"))
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *entry = NULL;
          g_autofree char *queued = NULL;
          gboolean hang_up;

          if (!reply (self, out, "230 OK RECEIVING DATA"))
            break;

          for (;;)
            {
              g_autofree char *data = g_data_input_stream_read_line (in, NULL, self->cancellable, NULL);

              if (data == NULL)
                goto done;
              if (strcmp (data, ".") == 0)
                break;
              if (text->len > 0)
                g_string_append_c (text, '\n');
              g_string_append (text, data[0] == '.' ? data + 1 : data);
            }

          entry = g_strdup_printf ("TEXT %s", text->str);
          record (self, entry);

          g_mutex_lock (&self->mutex);
          queued = g_strdup_printf ("225-%u\n225 OK MESSAGE QUEUED", ++self->next_id);
          hang_up = ++self->n_texts == self->hang_up_after;
          g_mutex_unlock (&self->mutex);

          if (!reply (self, out, queued) || hang_up)
            break;

          g_mutex_lock (&self->mutex);
          if (self->mute_after >= 0 && self->n_texts >= (guint) self->mute_after)
            self->muted = TRUE;
          g_mutex_unlock (&self->mutex);
        }
      else if (starts_with_word (line, "SET"))
        {
          if (!reply (self, out, answer_set (line)))
            break;
        }
      else if (starts_with_word (line, "CANCEL"))
        {
          if (!reply (self, out, "213 OK CANCELED"))
            break;
        }
      else if (starts_with_word (line, "STOP"))
        {
          if (!reply (self, out, "210 OK STOPPED"))
            break;
        }
      else if (starts_with_word (line, "QUIT"))
        {
          reply (self, out, "231 HAPPY HACKING");
          break;
        }
      else if (!reply (self, out, "500 ERR INVALID COMMAND"))
        break;
    }

done:
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  record (self, "EOF");
}

static gpointer
server_thread (gpointer user_data)
{
  FakeSsip *self = user_data;

  for (;;)
    {
      g_autoptr(GSocket) client = g_socket_accept (self->listener, self->cancellable, NULL);

      if (client == NULL)
        break;
      g_socket_set_blocking (client, TRUE);
      serve (self, client);
    }
  return NULL;
}

FakeSsip *
fake_ssip_new (const char *socket_path)
{
  FakeSsip *self = g_new0 (FakeSsip, 1);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (socket_path);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->mutex);
  self->path = g_strdup (socket_path);
  self->address = g_strdup_printf ("unix_socket:%s", socket_path);
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->mute_after = -1;

  self->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_socket_bind (self->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (self->listener, &error);
  g_assert_no_error (error);

  self->thread = g_thread_new ("fake-ssip", server_thread, self);
  return self;
}

void
fake_ssip_free (FakeSsip *self)
{
  g_cancellable_cancel (self->cancellable);
  g_thread_join (self->thread);
  g_socket_close (self->listener, NULL);
  g_object_unref (self->listener);
  g_object_unref (self->cancellable);
  g_unlink (self->path);
  g_ptr_array_unref (self->log);
  g_mutex_clear (&self->mutex);
  g_free (self->address);
  g_free (self->path);
  g_free (self);
}

/* For SPEECHD_ADDRESS. */
const char *
fake_ssip_get_address (FakeSsip *self)
{
  return self->address;
}

GPtrArray *
fake_ssip_dup_log (FakeSsip *self)
{
  GPtrArray *copy;

  g_mutex_lock (&self->mutex);
  copy = g_ptr_array_copy (self->log, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (copy, g_free);
  g_mutex_unlock (&self->mutex);
  return copy;
}

/* How many entries start with @prefix. */
guint
fake_ssip_count (FakeSsip   *self,
                 const char *prefix)
{
  guint n = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->log->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (self->log, i), prefix))
      n++;
  g_mutex_unlock (&self->mutex);
  return n;
}

/* Closes the connection right after the @n_texts-th message is queued,
 * as a daemon that crashed. */
void
fake_ssip_hang_up_after (FakeSsip *self,
                         guint     n_texts)
{
  g_mutex_lock (&self->mutex);
  self->hang_up_after = n_texts;
  g_mutex_unlock (&self->mutex);
}

/* Iterates the main context until @n entries start with @prefix, or
 * gives up after a while. */
gboolean
fake_ssip_wait_for (FakeSsip   *self,
                    const char *prefix,
                    guint       n)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (fake_ssip_count (self, prefix) < n)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      /* the server thread wakes the context up on every entry */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

/* Stops answering (but goes on reading) once @n_texts messages were
 * queued, 0 for from the start: a daemon that hangs. */
void
fake_ssip_mute_after (FakeSsip *self,
                      guint     n_texts)
{
  g_mutex_lock (&self->mutex);
  self->mute_after = (int) n_texts;
  self->muted = self->n_texts >= n_texts;
  g_mutex_unlock (&self->mutex);
}
